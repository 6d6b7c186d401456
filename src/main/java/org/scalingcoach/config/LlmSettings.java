package org.scalingcoach.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the coach talks to a language model, if at all. With provider {@code none} (the default)
 * every answer is extractive and nothing leaves the machine.
 *
 * @param model the model (for Azure OpenAI: the deployment) name
 * @param apiKey the provider's key; never printed, see {@link #toString()}
 * @param baseUrl where the provider's API lives; empty means the provider's public endpoint
 * @param timeout how long a written answer may take before the extractive one is sent instead
 * @param maxOutputTokens the most tokens the model may write for one answer
 * @param answersPerUserPerHour written answers one person may get in an hour; beyond that the coach
 *     answers extractively
 * @param historyTurns how many earlier turns of a thread the model sees
 * @param promptsDir the folder of prompt templates
 */
public record LlmSettings(
    Provider provider,
    String model,
    String apiKey,
    Optional<URI> baseUrl,
    Duration timeout,
    int maxOutputTokens,
    int answersPerUserPerHour,
    int historyTurns,
    Path promptsDir) {

  /** The language model services the coach can use. */
  public enum Provider {
    NONE("none", ""),
    OPENAI("openai", "gpt-4o-mini"),
    AZURE_OPENAI("azure-openai", ""),
    ANTHROPIC("anthropic", "claude-3-5-haiku-latest"),
    OLLAMA("ollama", "llama3.1");

    private final String id;
    private final String defaultModel;

    Provider(String id, String defaultModel) {
      this.id = id;
      this.defaultModel = defaultModel;
    }

    public String id() {
      return id;
    }

    static Optional<Provider> fromId(String id) {
      return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    static String allIds() {
      return Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", "));
    }
  }

  public static final URI OLLAMA_DEFAULT_URL = URI.create("http://localhost:11434/v1");

  /** True when a model is configured and answers may be written by it. */
  public boolean enabled() {
    return provider != Provider.NONE;
  }

  /** What {@code /healthz} and the logs show: provider and model, never the key. */
  public String describe() {
    return enabled() ? provider.id() + ":" + model : "none";
  }

  @Override
  public String toString() {
    return "LlmSettings[provider="
        + provider.id()
        + ", model="
        + model
        + ", apiKey="
        + (apiKey.isEmpty() ? "(none)" : "(set)")
        + ", baseUrl="
        + baseUrl.map(URI::toString).orElse("(default)")
        + ", timeout="
        + timeout.toSeconds()
        + "s, maxOutputTokens="
        + maxOutputTokens
        + ", answersPerUserPerHour="
        + answersPerUserPerHour
        + ", historyTurns="
        + historyTurns
        + ", promptsDir="
        + promptsDir
        + "]";
  }

  /** Reads the {@code COACH_LLM_*} variables, adding every problem found to {@code problems}. */
  static LlmSettings fromEnvironment(Map<String, String> env, List<String> problems) {
    String providerId =
        env.getOrDefault("COACH_LLM_PROVIDER", "none").strip().toLowerCase(Locale.ROOT);
    Provider provider = Provider.fromId(providerId.isEmpty() ? "none" : providerId).orElse(null);
    if (provider == null) {
      problems.add(
          "COACH_LLM_PROVIDER must be one of "
              + Provider.allIds()
              + ", not '"
              + env.get("COACH_LLM_PROVIDER")
              + "'");
      provider = Provider.NONE;
    }
    String model = env.getOrDefault("COACH_LLM_MODEL", "").strip();
    String apiKey = env.getOrDefault("COACH_LLM_API_KEY", "").strip();
    Optional<URI> baseUrl = url(env.get("COACH_LLM_BASE_URL"), problems);
    int timeoutSeconds =
        CoachConfig.integer(env, "COACH_LLM_TIMEOUT_SECONDS", 20, 1, 300, problems);
    int maxOutputTokens =
        CoachConfig.integer(env, "COACH_LLM_MAX_OUTPUT_TOKENS", 700, 50, 8_192, problems);
    int perHour =
        CoachConfig.integer(env, "COACH_LLM_ANSWERS_PER_USER_PER_HOUR", 30, 1, 10_000, problems);
    int historyTurns = CoachConfig.integer(env, "COACH_LLM_HISTORY_TURNS", 6, 0, 50, problems);
    Path promptsDir =
        ContentFolder.resolve(env, "COACH_PROMPTS_DIR", "prompts", ".txt", Path.of(""), problems)
            .path();

    if (model.isEmpty()) {
      model = provider.defaultModel;
    }
    String named = "COACH_LLM_PROVIDER=" + provider.id();
    switch (provider) {
      case OPENAI, ANTHROPIC -> {
        if (apiKey.isEmpty()) {
          problems.add(named + " needs COACH_LLM_API_KEY (the provider's API key)");
        }
      }
      case AZURE_OPENAI -> {
        if (apiKey.isEmpty()) {
          problems.add(named + " needs COACH_LLM_API_KEY (the Azure OpenAI resource key)");
        }
        if (baseUrl.isEmpty()) {
          problems.add(
              named
                  + " needs COACH_LLM_BASE_URL, e.g."
                  + " https://YOUR-RESOURCE.openai.azure.com/openai/v1");
        }
        if (model.isEmpty()) {
          problems.add(named + " needs COACH_LLM_MODEL (the name of your model deployment)");
        }
      }
      case OLLAMA -> baseUrl = baseUrl.or(() -> Optional.of(OLLAMA_DEFAULT_URL));
      case NONE -> {}
    }
    return new LlmSettings(
        provider,
        model,
        apiKey,
        baseUrl,
        Duration.ofSeconds(timeoutSeconds),
        maxOutputTokens,
        perHour,
        historyTurns,
        promptsDir);
  }

  private static Optional<URI> url(String raw, List<String> problems) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(raw.strip());
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        problems.add("COACH_LLM_BASE_URL must be an http(s) URL, not '" + raw + "'");
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (IllegalArgumentException e) {
      problems.add("COACH_LLM_BASE_URL must be an http(s) URL, not '" + raw + "'");
      return Optional.empty();
    }
  }
}
