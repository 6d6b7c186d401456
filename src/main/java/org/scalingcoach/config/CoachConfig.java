package org.scalingcoach.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scalingcoach.audit.AuditSettings;
import org.scalingcoach.retrieval.OnnxEmbedder;
import org.scalingcoach.retrieval.OnnxModel;

/**
 * Everything the coach is configured with, read once from the environment and validated with every
 * problem reported together.
 *
 * @param dataDir where the SQLite database lives ({@code COACH_DATA_DIR}, default {@code ./data})
 * @param knowledge the markdown knowledge base ({@code COACH_KNOWLEDGE_DIR}; else {@code
 *     ./knowledge} when it exists; else the copy shipped in the jar)
 * @param port the HTTP port ({@code PORT}, default 8080; 0 picks a free one)
 * @param slack how to reach Slack ({@code SLACK_*}); disabled when no token is set
 * @param audits managers and reminder settings of the guided audits
 * @param teams the Microsoft Teams bot, or null when Teams is not configured
 * @param llm the optional language model ({@code COACH_LLM_*}, default none)
 * @param admin admins and automatic reloads ({@code COACH_ADMINS}, {@code COACH_RELOAD_WATCH})
 * @param inboxLimit how many unanswered deliveries the inbox holds before new ones get a 503 that
 *     Slack and the Bot Framework retry ({@code COACH_INBOX_LIMIT}, default 2000)
 * @param deliverySlots how many delivery threads compute at once; they give their slot back while
 *     they wait on a platform or a model ({@code COACH_DELIVERY_SLOTS}, default four per processor;
 *     0 for no limit)
 * @param database the SQLite file in {@code dataDir}, or a shared PostgreSQL database ({@code
 *     COACH_DATABASE_*})
 * @param embeddingModel the in-process embedding model that ranks sections ({@code
 *     COACH_EMBEDDING_MODEL})
 * @param scopeModel the model whose similarity decides whether a question is answered at all
 *     ({@code COACH_SCOPE_EMBEDDING_MODEL}, default the same as {@code embeddingModel})
 */
public record CoachConfig(
    Path dataDir,
    ContentFolder knowledge,
    int port,
    SlackSettings slack,
    AuditSettings audits,
    TeamsSettings teams,
    LlmSettings llm,
    AdminSettings admin,
    int inboxLimit,
    int deliverySlots,
    DatabaseSettings database,
    OnnxModel embeddingModel,
    OnnxModel scopeModel) {
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._:@-]+");

  public java.util.Optional<TeamsSettings> teamsSettings() {
    return java.util.Optional.ofNullable(teams);
  }

  /** The folder the knowledge base and its {@code audits/} are read from. */
  public Path knowledgeDir() {
    return knowledge.path();
  }

  public Path databaseFile() {
    return dataDir.resolve("coach.db");
  }

  /** The defaults: everything embedded, nothing external. */
  public static CoachConfig defaults() {
    return fromEnvironment(Map.of());
  }

  public static CoachConfig fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, Path.of(""));
  }

  /** The same, with relative default folders looked up in {@code workingDir}. */
  static CoachConfig fromEnvironment(Map<String, String> env, Path workingDir) {
    List<String> problems = new ArrayList<>();
    Path dataDir = Path.of(env.getOrDefault("COACH_DATA_DIR", "data"));
    ContentFolder knowledge =
        ContentFolder.resolve(env, "COACH_KNOWLEDGE_DIR", "knowledge", ".md", workingDir, problems);
    int port = integer(env, "PORT", 8080, 0, 65_535, problems);
    SlackSettings slack = SlackSettings.fromEnvironment(env, problems);
    AuditSettings audits = audits(env, problems);
    TeamsSettings teams = TeamsSettings.fromEnvironment(env, problems).orElse(null);
    LlmSettings llm = LlmSettings.fromEnvironment(env, problems);
    AdminSettings admin =
        new AdminSettings(
            userIds(env, "COACH_ADMINS", problems),
            bool(env, "COACH_RELOAD_WATCH", true, problems),
            publicUrl(env, problems));
    logging(env, problems);
    int inboxLimit = integer(env, "COACH_INBOX_LIMIT", 2_000, 1, 1_000_000, problems);
    int deliverySlots =
        integer(
            env,
            "COACH_DELIVERY_SLOTS",
            4 * Runtime.getRuntime().availableProcessors(),
            0,
            1_000,
            problems);
    DatabaseSettings database = DatabaseSettings.fromEnvironment(env, problems);
    OnnxModel embeddingModel =
        embeddingModel(env, "COACH_EMBEDDING_MODEL", OnnxEmbedder.DEFAULT_MODEL, problems);
    OnnxModel scopeModel =
        embeddingModel(env, "COACH_SCOPE_EMBEDDING_MODEL", embeddingModel, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new CoachConfig(
        dataDir,
        knowledge,
        port,
        slack,
        audits,
        teams,
        llm,
        admin,
        inboxLimit,
        deliverySlots,
        database,
        embeddingModel,
        scopeModel);
  }

  /** {@code variable}: one of {@link OnnxModel}'s ids; {@code otherwise} when unset. */
  private static OnnxModel embeddingModel(
      Map<String, String> env, String variable, OnnxModel otherwise, List<String> problems) {
    String raw = env.getOrDefault(variable, "").strip();
    if (raw.isEmpty()) {
      return otherwise;
    }
    try {
      OnnxModel model = OnnxModel.named(raw);
      if (!model.available()) {
        problems.add(
            variable
                + ": "
                + model.id()
                + " is not in this build (build the jar with mvn -Pbge package)");
        return otherwise;
      }
      return model;
    } catch (IllegalArgumentException e) {
      problems.add(variable + ": " + e.getMessage());
      return otherwise;
    }
  }

  /**
   * {@code COACH_LOG_LEVEL} and {@code COACH_LOG_FORMAT} are read by logback itself (logback.xml);
   * checked here so a typo is refused instead of silently logging at another level or not at all.
   */
  static void logging(Map<String, String> env, List<String> problems) {
    // logback reads levels in any case but appender names exactly.
    oneOf(
        env, "COACH_LOG_LEVEL", List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR"), true, problems);
    oneOf(env, "COACH_LOG_FORMAT", List.of("text", "json"), false, problems);
  }

  private static void oneOf(
      Map<String, String> env,
      String name,
      List<String> allowed,
      boolean anyCase,
      List<String> problems) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return;
    }
    String value = anyCase ? raw.toUpperCase(java.util.Locale.ROOT) : raw;
    if (!allowed.contains(value)) {
      problems.add(name + " must be one of " + String.join(", ", allowed) + ", not '" + raw + "'");
    }
  }

  static AuditSettings audits(Map<String, String> env, List<String> problems) {
    Set<String> managers = userIds(env, "COACH_MANAGERS", problems);
    int minutes = integer(env, "COACH_REMINDER_CHECK_MINUTES", 15, 1, 1_440, problems);
    return new AuditSettings(managers, Duration.ofMinutes(minutes));
  }

  /** {@code COACH_PUBLIC_URL}: an http or https address without a path, query or fragment. */
  static java.util.Optional<java.net.URI> publicUrl(
      Map<String, String> env, List<String> problems) {
    String raw = env.getOrDefault("COACH_PUBLIC_URL", "").strip();
    if (raw.isEmpty()) {
      return java.util.Optional.empty();
    }
    try {
      java.net.URI uri = new java.net.URI(raw.replaceAll("/+$", ""));
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      boolean bare =
          (uri.getPath() == null || uri.getPath().isEmpty())
              && uri.getQuery() == null
              && uri.getFragment() == null;
      if (web && uri.getHost() != null && bare) {
        return java.util.Optional.of(uri);
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    problems.add(
        "COACH_PUBLIC_URL must be the address people reach the server at, such as"
            + " https://coach.example.com, not '"
            + raw
            + "'");
    return java.util.Optional.empty();
  }

  /** A comma-separated list of user ids, each checked. */
  static Set<String> userIds(Map<String, String> env, String name, List<String> problems) {
    Set<String> ids =
        Arrays.stream(env.getOrDefault(name, "").split(","))
            .map(String::strip)
            .filter(id -> !id.isEmpty())
            .collect(Collectors.toSet());
    ids.stream()
        .filter(id -> !USER_ID.matcher(id).matches())
        .forEach(
            id ->
                problems.add(
                    name
                        + " must be comma-separated user ids such as U012AB3CD, not '"
                        + id
                        + "'"));
    return ids;
  }

  static boolean bool(
      Map<String, String> env, String name, boolean fallback, List<String> problems) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1", "on" -> {
        return true;
      }
      case "false", "no", "0", "off" -> {
        return false;
      }
      default -> {
        problems.add(name + " must be true or false, not '" + raw + "'");
        return fallback;
      }
    }
  }

  static int integer(
      Map<String, String> env, String name, int fallback, int min, int max, List<String> problems) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value < min || value > max) {
        problems.add(name + " must be between " + min + " and " + max + ", not " + raw);
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number, not '" + raw + "'");
      return fallback;
    }
  }
}
