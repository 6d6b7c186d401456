package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.TestCore;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.retrieval.HashingEmbedder;
import org.scalingcoach.store.Database;

class SlackInboxBurstTest {
  private static final int MENTIONS = 3_000;
  private static final int CONCURRENCY = 16;
  private static final String TEAM = "TBURST";

  @Test
  void a_burst_beyond_the_inbox_limit_is_refused_with_503_and_every_retry_answered_once()
      throws Exception {
    CoachConfig config = TestCore.config(TestCore.tempDir("burst-"));
    Database database = CoachWiring.database(config);
    CoachCore core = CoachWiring.core(config, database, new HashingEmbedder());
    AtomicInteger busy = new AtomicInteger();
    try (SlackTestServer app =
        SlackTestServer.start(core, database, Map.of("COACH_INBOX_LIMIT", "50"))) {
      ExecutorService senders = Executors.newFixedThreadPool(CONCURRENCY);
      for (int i = 0; i < MENTIONS; i++) {
        String mention =
            SlackRequests.envelope(
                TEAM,
                "EvBurst" + i,
                SlackRequests.appMention(
                    TEAM,
                    "C0BURST",
                    "U0BURST" + (i % 40),
                    SlackInboxCrashTest.ts(i),
                    null,
                    "<@" + FakeSlack.BOT_USER + "> what is a feature store?"));
        senders.execute(
            () -> {
              // As Slack does: a delivery that got no 2xx is sent again, marked as a retry.
              int status = app.slack().event(mention).statusCode();
              while (status == 503) {
                busy.incrementAndGet();
                sleep();
                status = app.slack().event(mention, "X-Slack-Retry-Num", "1").statusCode();
              }
              assertThat(status).isEqualTo(200);
            });
      }
      senders.shutdown();
      assertThat(senders.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> SlackInboxCrashTest.answersPerMention(app.fake()).size() == MENTIONS);
      Map<String, Long> answers = SlackInboxCrashTest.answersPerMention(app.fake());
      long duplicated = answers.values().stream().mapToLong(n -> n - 1).sum();
      System.out.printf(
          "slack burst: %d mentions at concurrency %d, %d refused with 503 and retried;"
              + " answered %d, duplicated %d%n",
          MENTIONS, CONCURRENCY, busy.get(), answers.size(), duplicated);
      assertThat(busy.get()).as("the inbox limit was reached").isPositive();
      assertThat(answers).hasSize(MENTIONS);
      assertThat(duplicated).isZero();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
