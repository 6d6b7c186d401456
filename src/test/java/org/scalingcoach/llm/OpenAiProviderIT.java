package org.scalingcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.Question;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.config.LlmSettings;

/**
 * Asks a real provider. Runs only when {@code COACH_IT_LLM_API_KEY} (and optionally {@code
 * COACH_IT_LLM_PROVIDER}, {@code COACH_IT_LLM_MODEL}) are set, with {@code mvn -o test
 * -Dtest=OpenAiProviderIT}; surefire's default includes leave {@code *IT} out of {@code mvn
 * verify}.
 */
@EnabledIfEnvironmentVariable(named = "COACH_IT_LLM_API_KEY", matches = ".+")
class OpenAiProviderIT {

  @Test
  void should_write_a_cited_answer_with_a_real_model() {
    Map<String, String> env =
        Map.of(
            "COACH_LLM_PROVIDER", System.getenv().getOrDefault("COACH_IT_LLM_PROVIDER", "openai"),
            "COACH_LLM_API_KEY", System.getenv("COACH_IT_LLM_API_KEY"),
            "COACH_LLM_MODEL", System.getenv().getOrDefault("COACH_IT_LLM_MODEL", ""));
    LlmSettings settings = CoachConfig.fromEnvironment(env).llm();
    var engine =
        LlmFeatures.create(settings, LlmFixtures.usageLog()).answers(LlmFixtures.extractive());

    Answer answer = engine.answer(Question.of("How do we know our model is drifting?"));

    assertThat(answer.answered()).isTrue();
    assertThat(answer.markdown()).containsPattern("\\[1]");
    assertThat(answer.citations()).isNotEmpty();
  }
}
