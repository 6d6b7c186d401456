package org.scalingcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.answer.Question;
import org.scalingcoach.config.LlmSettings.Provider;
import org.scalingcoach.metrics.Scrape;

/** Model requests show up at /metrics with their latency, outcome and tokens. */
class ModelMetricsTest {
  private final FakeLlmServer model = new FakeLlmServer();

  @AfterEach
  void stop() {
    model.close();
  }

  @Test
  void should_count_a_written_answer_with_its_latency_and_tokens() {
    AnswerEngine engine =
        LlmFixtures.features(
                LlmFixtures.settings(Provider.OPENAI, model.baseUrl(), Duration.ofSeconds(5), 100),
                LlmFixtures.usageLog())
            .answers(LlmFixtures.extractive());
    double calls =
        Scrape.now("coach_model_latency_seconds_count", "provider=\"openai\"", "result=\"ok\"");
    double tokens = Scrape.now("coach_model_tokens_total", "provider=\"openai\"");
    model.reply(FakeLlmServer.Reply.text("Watch the inputs and the accuracy over time [1]."));

    engine.answer(Question.of("How do we know our model is drifting?"));

    assertThat(
            Scrape.now("coach_model_latency_seconds_count", "provider=\"openai\"", "result=\"ok\""))
        .isEqualTo(calls + 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Scrape.now("coach_model_tokens_total", "provider=\"openai\"") > tokens);
  }
}
