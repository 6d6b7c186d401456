package org.scalingcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.answer.Question;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.config.LlmSettings;
import org.scalingcoach.config.LlmSettings.Provider;

class LlmFeaturesTest {
  @TempDir Path dir;

  @Test
  void should_leave_answers_extractive_without_a_provider() {
    ExtractiveAnswerEngine extractive = LlmFixtures.extractive();
    LlmFeatures none = LlmFeatures.create(CoachConfig.defaults().llm(), LlmFixtures.usageLog());

    assertThat(none.answers(extractive)).isSameAs(extractive);
    assertThat(none.active()).isEqualTo("none");
  }

  @Test
  void should_refuse_to_start_with_a_broken_prompt_folder() {
    LlmSettings settings =
        LlmFixtures.settings(Provider.OPENAI, "http://127.0.0.1:9/v1", Duration.ofSeconds(1), 5);
    LlmSettings broken =
        new LlmSettings(
            settings.provider(),
            settings.model(),
            settings.apiKey(),
            settings.baseUrl(),
            settings.timeout(),
            settings.maxOutputTokens(),
            settings.answersPerUserPerHour(),
            settings.historyTurns(),
            dir);

    assertThatThrownBy(() -> LlmFeatures.create(broken, LlmFixtures.usageLog()))
        .isInstanceOf(PromptException.class)
        .hasMessageContaining(dir.resolve("system.txt") + ":0: prompt template missing");
  }

  @Test
  void should_use_reloaded_wording_and_keep_it_when_a_reload_is_broken() throws Exception {
    for (PromptKind kind : PromptKind.values()) {
      Files.copy(Path.of("prompts", kind.fileName()), dir.resolve(kind.fileName()));
    }
    try (FakeLlmServer model = new FakeLlmServer()) {
      model.reply(FakeLlmServer.Reply.text("Track accuracy [1]."));
      LlmSettings base =
          LlmFixtures.settings(Provider.OPENAI, model.baseUrl(), Duration.ofSeconds(5), 100);
      LlmFeatures features =
          LlmFeatures.create(
              new LlmSettings(
                  base.provider(),
                  base.model(),
                  base.apiKey(),
                  base.baseUrl(),
                  base.timeout(),
                  base.maxOutputTokens(),
                  base.answersPerUserPerHour(),
                  base.historyTurns(),
                  dir),
              LlmFixtures.usageLog());
      AnswerEngine engine = features.answers(LlmFixtures.extractive());
      Question question = Question.of("How do we know our model is drifting?");

      Files.writeString(
          dir.resolve("answer.txt"), "Tuned wording.\n{{sources}}\nQ: {{question}}\n");
      features.reloadPrompts();
      engine.answer(question);
      String tuned = model.lastRequest().user();
      Files.writeString(dir.resolve("answer.txt"), "Broken {{sourcez}} {{question}}");
      assertThatThrownBy(features::reloadPrompts)
          .isInstanceOf(PromptException.class)
          .hasMessageContaining("answer.txt");
      engine.answer(question);

      assertThat(tuned).startsWith("Tuned wording.");
      assertThat(model.lastRequest().user()).startsWith("Tuned wording.");
    }
  }

  @Test
  void should_report_the_active_provider_and_model() {
    LlmFeatures openai =
        LlmFeatures.create(
            CoachConfig.fromEnvironment(
                    Map.of("COACH_LLM_PROVIDER", "openai", "COACH_LLM_API_KEY", "k"))
                .llm(),
            LlmFixtures.usageLog());

    assertThat(openai.active()).isEqualTo("openai:gpt-4o-mini");
  }
}
