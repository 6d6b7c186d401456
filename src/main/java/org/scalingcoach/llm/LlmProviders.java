package org.scalingcoach.llm;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.scalingcoach.config.LlmSettings;

/**
 * Builds the langchain4j streaming model for the configured provider, talking through {@code http}
 * and reporting every call to {@code listeners}.
 */
final class LlmProviders {
  private LlmProviders() {}

  static StreamingChatModel create(
      LlmSettings settings, HttpClientBuilder http, List<ChatModelListener> listeners) {
    String baseUrl = settings.baseUrl().map(URI::toString).orElse(null);
    return switch (settings.provider()) {
      case OPENAI -> openAi(settings, http, listeners, baseUrl, settings.apiKey()).build();
      case AZURE_OPENAI ->
          // Azure OpenAI's v1 API speaks the OpenAI protocol but authenticates with an api-key
          // header only; langchain4j adds "Authorization: Bearer <key>" whenever a key is set, so
          // the key goes in the custom header alone.
          openAi(settings, http, listeners, baseUrl, null)
              .customHeaders(Map.of("api-key", settings.apiKey()))
              .build();
      case OLLAMA ->
          // Ollama serves the OpenAI protocol under /v1 and ignores the key.
          openAi(
                  settings,
                  http,
                  listeners,
                  baseUrl,
                  settings.apiKey().isEmpty() ? "ollama" : settings.apiKey())
              .build();
      case ANTHROPIC ->
          AnthropicStreamingChatModel.builder()
              .httpClientBuilder(http)
              .listeners(listeners)
              .baseUrl(baseUrl)
              .apiKey(settings.apiKey())
              .modelName(settings.model())
              .maxTokens(settings.maxOutputTokens())
              .temperature(0.2)
              .timeout(settings.timeout())
              .build();
      case NONE -> throw new IllegalStateException("no language model is configured");
    };
  }

  private static OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder openAi(
      LlmSettings settings,
      HttpClientBuilder http,
      List<ChatModelListener> listeners,
      String baseUrl,
      String apiKey) {
    OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder builder =
        OpenAiStreamingChatModel.builder()
            .httpClientBuilder(http)
            .listeners(listeners)
            .baseUrl(baseUrl)
            .apiKey(apiKey)
            .modelName(settings.model())
            .temperature(0.2)
            .timeout(settings.timeout());
    // Ollama's OpenAI endpoint knows max_tokens, not its newer name.
    return settings.provider() == LlmSettings.Provider.OLLAMA
        ? builder.maxTokens(settings.maxOutputTokens())
        : builder.maxCompletionTokens(settings.maxOutputTokens());
  }
}
