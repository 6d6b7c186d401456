package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.metrics.Scrape;

/** What an operator sees at /metrics after real traffic through the Slack adapter. */
class SlackMetricsEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private SlackTestServer app;
  private String team;

  @BeforeEach
  void start() throws Exception {
    app = SlackTestServer.start(TestCore.shared());
    team = SlackTestServer.uniqueTeam("TM");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private void mention(String eventId, String text) {
    app.slack()
        .event(
            SlackRequests.envelope(
                team,
                eventId,
                SlackRequests.appMention(
                    team, "C0METRIC", "U0ADA", "1800009000.00010" + eventId.length(), null, text)));
  }

  @Test
  void should_count_answered_and_refused_questions_by_topic_and_the_web_api_calls_they_made() {
    double answered =
        Scrape.now(
            "coach_questions_total",
            "platform=\"slack\"",
            "result=\"answered\"",
            "topic=\"model-retraining\"");
    double refused =
        Scrape.now("coach_questions_total", "platform=\"slack\"", "result=\"refused\"");
    double posts =
        Scrape.now(
            "coach_api_calls_total",
            "method=\"chat.postMessage\"",
            "platform=\"slack\"",
            "result=\"ok\"");
    double latencyCount = Scrape.now("coach_answer_latency_seconds_count", "platform=\"slack\"");

    mention("EvM1", "<@UCOACHBOT> How do we detect model drift?");
    mention("EvM22", "<@UCOACHBOT> What is the best pizza topping in Naples?");
    await().atMost(WAIT).until(() -> app.fake().calls("chat.postMessage").size() >= 2);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(
                      Scrape.now(
                          "coach_questions_total",
                          "platform=\"slack\"",
                          "result=\"answered\"",
                          "topic=\"model-retraining\""))
                  .isEqualTo(answered + 1);
              assertThat(
                      Scrape.now(
                          "coach_questions_total", "platform=\"slack\"", "result=\"refused\""))
                  .isEqualTo(refused + 1);
              assertThat(
                      Scrape.now(
                          "coach_api_calls_total",
                          "method=\"chat.postMessage\"",
                          "platform=\"slack\"",
                          "result=\"ok\""))
                  .isGreaterThanOrEqualTo(posts + 2);
              assertThat(Scrape.now("coach_answer_latency_seconds_count", "platform=\"slack\""))
                  .isEqualTo(latencyCount + 2);
            });
  }

  @Test
  void should_count_a_rate_limited_call_as_a_retry() {
    double retries =
        Scrape.now("coach_api_retries_total", "method=\"chat.postMessage\"", "platform=\"slack\"");
    app.fake().scriptNext("chat.postMessage", 429, Map.of("Retry-After", "1"), "{\"ok\":false}");

    mention("EvM333", "<@UCOACHBOT> How do we detect model drift?");

    await()
        .atMost(WAIT)
        .until(
            () ->
                Scrape.now(
                        "coach_api_retries_total",
                        "method=\"chat.postMessage\"",
                        "platform=\"slack\"")
                    == retries + 1);
    await().atMost(WAIT).until(() -> !app.fake().calls("chat.postMessage").isEmpty());
  }
}
