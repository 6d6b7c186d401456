package org.scalingcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.scalingcoach.llm.FakeLlmServer.Reply;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.answer.Asker;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.answer.Question;
import org.scalingcoach.config.LlmSettings.Provider;
import org.scalingcoach.store.SqliteTokenUsageLog;
import org.slf4j.LoggerFactory;

/**
 * A model that stalls, fails or is slow never keeps a question from its answer: each gets one by
 * the deadline (plus a second), the HTTP exchange is closed and no thread is left reading it.
 */
class WrittenAnswerDeadlineTest {
  private static final String DRIFT = "How do we know our model is drifting?";

  /** Short, so 100 stalls take seconds; long enough under load for the request to arrive. */
  private static final Duration DEADLINE = Duration.ofMillis(100);

  /** For tests that need the first words through before the deadline on a busy machine. */
  private static final Duration SLOW_DEADLINE = Duration.ofSeconds(2);

  private final ExtractiveAnswerEngine extractive = LlmFixtures.extractive();
  private FakeLlmServer model;
  private SqliteTokenUsageLog usage;
  private AnswerEngine engine;

  private AnswerEngine engine(Duration deadline) {
    return LlmFixtures.features(
            LlmFixtures.settings(Provider.OPENAI, model.baseUrl(), deadline, 1_000), usage)
        .answers(extractive);
  }

  @BeforeEach
  void start() {
    model = new FakeLlmServer();
    usage = LlmFixtures.usageLog();
    engine = engine(SLOW_DEADLINE);
  }

  @AfterEach
  void stop() {
    model.close();
  }

  @Test
  void should_answer_each_of_100_stalled_streams_by_the_deadline_and_leave_nothing_open() {
    engine = engine(DEADLINE);
    model.reply(Reply.stalled());
    String fallback = extractive.answer(Question.of(DRIFT)).markdown();
    long slowest = 0;

    for (int i = 0; i < 100; i++) {
      long start = System.nanoTime();
      Answer answer = engine.answer(Question.of(DRIFT));
      slowest = Math.max(slowest, System.nanoTime() - start);
      assertThat(answer.markdown())
          .isEqualTo(GroundedAnswerEngine.TIMEOUT_NOTE + "\n\n" + fallback);
    }

    assertThat(Duration.ofNanos(slowest)).isLessThan(DEADLINE.plusSeconds(1));
    // Nearly all stall after their headers; on a busy machine a few are still connecting at 100 ms.
    assertThat(model.requests()).hasSizeGreaterThan(80);
    await().atMost(Duration.ofSeconds(3)).until(() -> model.openReplies() == 0);
    await()
        .atMost(Duration.ofSeconds(3))
        .untilAsserted(() -> assertThat(threadsReadingAStream()).isEmpty());
  }

  @Test
  void should_close_a_stream_that_stalls_after_its_first_words_and_show_only_checked_words() {
    model.reply(Reply.stalled("Track accuracy weekly [1]. ", "Buy tool X [9]. ", "Then"));
    List<String> partials = new CopyOnWriteArrayList<>();

    long start = System.nanoTime();
    Answer answer = engine.answerStreaming(Question.of(DRIFT), partials::add);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(SLOW_DEADLINE.plusSeconds(1));
    assertThat(answer.markdown()).startsWith(GroundedAnswerEngine.TIMEOUT_NOTE);
    assertThat(partials).containsExactly("Track accuracy weekly [1].");
    await().atMost(Duration.ofSeconds(3)).until(() -> model.openReplies() == 0);
  }

  @Test
  void should_record_the_estimated_tokens_of_a_call_that_timed_out_as_unfinished() {
    model.reply(Reply.stalled("Track accuracy weekly [1]. "));

    engine.answer(new Question(DRIFT, List.of(), new Asker("T9", "U9")));

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(usage.daily(today, today))
                    .singleElement()
                    .satisfies(
                        day -> {
                          assertThat(day.workspace()).isEqualTo("T9");
                          assertThat(day.answers()).isZero();
                          assertThat(day.unfinished()).isEqualTo(1);
                          assertThat(day.inputTokens()).isGreaterThan(100);
                          assertThat(day.outputTokens()).isEqualTo(7); // 27 characters / 4
                        }));
  }

  @Test
  void should_record_nothing_for_a_call_the_provider_refused() {
    model.reply(Reply.error(500));
    engine.answer(new Question(DRIFT, List.of(), new Asker("T8", "U8")));
    model.reply(Reply.text("Track accuracy [1]."));
    engine.answer(new Question(DRIFT, List.of(), new Asker("T8", "U8")));

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(usage.daily(today, today))
                    .singleElement()
                    .satisfies(
                        day -> {
                          assertThat(day.answers()).isEqualTo(1);
                          assertThat(day.unfinished()).isZero();
                        }));
  }

  @Test
  void should_log_a_provider_failure_in_one_line_without_a_stack_trace() {
    Logger logger = (Logger) LoggerFactory.getLogger(GroundedAnswerEngine.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      model.reply(Reply.error(500));

      engine.answer(Question.of(DRIFT));

      assertThat(logged.list)
          .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getThrowableProxy()).isNull();
                assertThat(e.getFormattedMessage()).contains("HTTP 500").doesNotContain("\n");
              });
    } finally {
      logger.detachAppender(logged);
    }
  }

  @Test
  void should_send_the_azure_key_only_as_api_key() {
    AnswerEngine azure =
        LlmFixtures.features(
                LlmFixtures.settings(
                    Provider.AZURE_OPENAI, model.baseUrl(), Duration.ofSeconds(5), 100),
                usage)
            .answers(extractive);
    model.reply(Reply.text("Track accuracy [1]."));

    azure.answer(Question.of(DRIFT));

    Map<String, List<String>> headers = model.lastRequest().headers();
    assertThat(headers.get("Api-key")).containsExactly("test-key");
    assertThat(headers.keySet()).noneMatch(name -> name.equalsIgnoreCase("Authorization"));
  }

  /**
   * Threads reading a model's response, or busy making or streaming a model call (an idle pool
   * thread waiting for work runs none of that code).
   */
  private static List<String> threadsReadingAStream() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(
            e ->
                Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().contains("HttpResponseInputStream"))
                    || e.getKey().getName().matches("llm-(call|stream|preview)-\\d+")
                        && Arrays.stream(e.getValue())
                            .anyMatch(
                                f ->
                                    f.getClassName().startsWith("dev.langchain4j")
                                        || f.getClassName().startsWith("org.scalingcoach")))
        .map(e -> e.getKey().getName() + " " + Arrays.toString(e.getValue()))
        .toList();
  }
}
