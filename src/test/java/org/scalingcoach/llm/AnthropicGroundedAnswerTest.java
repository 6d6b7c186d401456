package org.scalingcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scalingcoach.llm.FakeLlmServer.Reply;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.answer.Question;
import org.scalingcoach.config.LlmSettings.Provider;
import org.scalingcoach.retrieval.Hit;

class AnthropicGroundedAnswerTest {
  private static final String QUESTION = "Who should own data quality when we scale AI?";

  private final ExtractiveAnswerEngine extractive = LlmFixtures.extractive();
  private FakeLlmServer model;
  private AnswerEngine engine;

  @BeforeEach
  void start() {
    model = new FakeLlmServer();
    engine =
        LlmFixtures.features(
                LlmFixtures.settings(
                    Provider.ANTHROPIC, model.baseUrl() + "/", Duration.ofSeconds(5), 100),
                LlmFixtures.usageLog())
            .answers(extractive);
  }

  @AfterEach
  void stop() {
    model.close();
  }

  @Test
  void should_stream_a_cited_answer_from_the_messages_api() {
    model.reply(
        Reply.text("Name an owner ", "for each dataset [1]. ", "Track ", "quality weekly [2]."));
    List<String> partials = new CopyOnWriteArrayList<>();
    List<String> sources =
        extractive.retrieve(Question.of(QUESTION)).hits().stream()
            .map(Hit::section)
            .map(s -> s.key())
            .toList();

    Answer answer = engine.answerStreaming(Question.of(QUESTION), partials::add);

    FakeLlmServer.Recorded request = model.lastRequest();
    assertThat(request.path()).isEqualTo("/v1/messages");
    assertThat(request.headers().get("X-api-key")).containsExactly("test-key");
    assertThat(request.body().path("max_tokens").asInt()).isEqualTo(400);
    assertThat(request.system()).contains("NO_ANSWER");
    assertThat(request.user()).contains(QUESTION).contains("<source number=\"1\"");
    assertThat(answer.markdown())
        .isEqualTo("Name an owner for each dataset [1]. Track quality weekly [2].");
    assertThat(answer.citations())
        .extracting(c -> c.key())
        .containsExactly(sources.get(0), sources.get(1));
    assertThat(partials).containsExactly("Name an owner for each dataset [1].");
  }

  @Test
  void should_fall_back_when_anthropic_is_overloaded() {
    model.reply(Reply.error(529));

    Answer answer = engine.answer(Question.of(QUESTION));

    assertThat(answer.markdown())
        .isEqualTo(
            GroundedAnswerEngine.UNAVAILABLE_NOTE
                + "\n\n"
                + extractive.answer(Question.of(QUESTION)).markdown());
  }
}
