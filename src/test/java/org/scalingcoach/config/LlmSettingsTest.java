package org.scalingcoach.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalingcoach.config.LlmSettings.Provider;

class LlmSettingsTest {

  @Test
  void should_use_no_model_by_default() {
    LlmSettings llm = CoachConfig.defaults().llm();

    assertThat(llm.enabled()).isFalse();
    assertThat(llm.describe()).isEqualTo("none");
    assertThat(llm.timeout()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void should_read_a_complete_openai_configuration() {
    LlmSettings llm =
        CoachConfig.fromEnvironment(
                Map.of(
                    "COACH_LLM_PROVIDER", "OpenAI",
                    "COACH_LLM_API_KEY", "sk-secret",
                    "COACH_LLM_TIMEOUT_SECONDS", "15",
                    "COACH_LLM_MAX_OUTPUT_TOKENS", "300"))
            .llm();

    assertThat(llm.provider()).isEqualTo(Provider.OPENAI);
    assertThat(llm.describe()).isEqualTo("openai:gpt-4o-mini");
    assertThat(llm.timeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(llm.maxOutputTokens()).isEqualTo(300);
    assertThat(llm.toString()).doesNotContain("sk-secret");
  }

  @Test
  void should_point_ollama_at_the_local_server_without_a_key() {
    LlmSettings llm = CoachConfig.fromEnvironment(Map.of("COACH_LLM_PROVIDER", "ollama")).llm();

    assertThat(llm.baseUrl()).contains(LlmSettings.OLLAMA_DEFAULT_URL);
    assertThat(llm.model()).isEqualTo("llama3.1");
  }

  @Test
  void should_report_every_llm_problem_together() {
    assertThatThrownBy(
            () ->
                CoachConfig.fromEnvironment(
                    Map.of(
                        "COACH_LLM_PROVIDER", "azure-openai",
                        "COACH_LLM_TIMEOUT_SECONDS", "0",
                        "COACH_LLM_ANSWERS_PER_USER_PER_HOUR", "lots")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.contains("COACH_LLM_TIMEOUT_SECONDS must be between 1"))
                    .anyMatch(p -> p.contains("COACH_LLM_ANSWERS_PER_USER_PER_HOUR"))
                    .anyMatch(p -> p.contains("needs COACH_LLM_API_KEY"))
                    .anyMatch(p -> p.contains("needs COACH_LLM_BASE_URL"))
                    .anyMatch(p -> p.contains("needs COACH_LLM_MODEL")));
  }

  @Test
  void should_reject_an_unknown_provider_and_a_bad_url() {
    assertThatThrownBy(
            () ->
                CoachConfig.fromEnvironment(
                    Map.of("COACH_LLM_PROVIDER", "gemini", "COACH_LLM_BASE_URL", "localhost:1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "COACH_LLM_PROVIDER must be one of none, openai, azure-openai, anthropic, ollama")
        .hasMessageContaining("COACH_LLM_BASE_URL must be an http(s) URL");
  }
}
