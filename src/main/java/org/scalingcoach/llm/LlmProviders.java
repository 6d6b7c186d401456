package org.scalingcoach.llm;

import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.URI;
import java.util.Map;
import org.scalingcoach.config.LlmSettings;

/** Builds the langchain4j streaming model for the configured provider. */
final class LlmProviders {
  private LlmProviders() {}

  static StreamingChatModel create(LlmSettings settings) {
    String baseUrl = settings.baseUrl().map(URI::toString).orElse(null);
    return switch (settings.provider()) {
      case OPENAI ->
          OpenAiStreamingChatModel.builder()
              .baseUrl(baseUrl)
              .apiKey(settings.apiKey())
              .modelName(settings.model())
              .maxCompletionTokens(settings.maxOutputTokens())
              .temperature(0.2)
              .timeout(settings.timeout())
              .build();
      case AZURE_OPENAI ->
          // Azure OpenAI's v1 API speaks the OpenAI protocol; it authenticates with an api-key
          // header.
          OpenAiStreamingChatModel.builder()
              .baseUrl(baseUrl)
              .apiKey(settings.apiKey())
              .customHeaders(Map.of("api-key", settings.apiKey()))
              .modelName(settings.model())
              .maxCompletionTokens(settings.maxOutputTokens())
              .temperature(0.2)
              .timeout(settings.timeout())
              .build();
      case OLLAMA ->
          // Ollama serves the OpenAI protocol under /v1 and ignores the key.
          OpenAiStreamingChatModel.builder()
              .baseUrl(baseUrl)
              .apiKey(settings.apiKey().isEmpty() ? "ollama" : settings.apiKey())
              .modelName(settings.model())
              .maxTokens(settings.maxOutputTokens())
              .temperature(0.2)
              .timeout(settings.timeout())
              .build();
      case ANTHROPIC ->
          AnthropicStreamingChatModel.builder()
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
}
