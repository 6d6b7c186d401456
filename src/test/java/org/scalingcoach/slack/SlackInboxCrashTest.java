package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.conversation.ChildCoach;
import org.scalingcoach.conversation.KillAndRedeliver;
import org.scalingcoach.store.Database;

class SlackInboxCrashTest {
  private static final int MENTIONS = 300;
  private static final String TEAM = "TCRASH";

  @Test
  void every_mention_is_answered_exactly_once_across_a_kill_9_and_slacks_redeliveries()
      throws Exception {
    Path dir = TestCore.tempDir("slack-crash-");
    try (FakeSlack fake = FakeSlack.start()) {
      Map<String, String> env = env(dir, fake);
      List<String> mentions =
          IntStream.range(0, MENTIONS)
              .mapToObj(
                  i ->
                      SlackRequests.envelope(
                          TEAM,
                          "EvCrash" + i,
                          SlackRequests.appMention(
                              TEAM,
                              "C0CRASH",
                              "U0ASKER" + (i % 25),
                              ts(i),
                              null,
                              "<@" + FakeSlack.BOT_USER + "> how do we notice model drift?")))
              .toList();

      KillAndRedeliver.Outcome outcome =
          KillAndRedeliver.run(
              MENTIONS,
              () -> ChildCoach.start(env, dir.resolve("child.log")),
              (port, i, retry) -> {
                SlackRequests slack = new SlackRequests(port);
                return retry
                    ? slack
                        .event(
                            mentions.get(i),
                            "X-Slack-Retry-Num",
                            "1",
                            "X-Slack-Retry-Reason",
                            "http_error")
                        .statusCode()
                    : slack.event(mentions.get(i)).statusCode();
              });

      try (ChildCoach restarted = outcome.restarted();
          Database database = Database.open(dir.resolve("coach.db"))) {
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> answersPerMention(fake).size() == MENTIONS && unfinished(database) == 0);
        Map<String, Long> answers = answersPerMention(fake);
        long lost = MENTIONS - answers.size();
        long duplicated = answers.values().stream().mapToLong(n -> n - 1).sum();
        System.out.printf(
            "slack kill -9: %d of %d mentions acknowledged before the kill, %d redelivered;"
                + " lost %d, duplicated %d%n",
            outcome.ackedBeforeKill(), MENTIONS, outcome.redelivered(), lost, duplicated);
        assertThat(outcome.ackedBeforeKill()).isBetween(MENTIONS / 2, MENTIONS - 1);
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
      }
    }
  }

  static Map<String, String> env(Path dir, FakeSlack fake) {
    Map<String, String> env = new HashMap<>();
    env.put("COACH_DATA_DIR", dir.toString());
    env.put("COACH_KNOWLEDGE_DIR", "knowledge");
    env.put("COACH_RELOAD_WATCH", "false");
    env.put("PORT", "0");
    env.put("SLACK_BOT_TOKEN", "xoxb-1-test-token");
    env.put("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET);
    env.put("SLACK_API_URL", fake.apiUrl());
    return env;
  }

  static String ts(int i) {
    return "1700000000." + String.format("%06d", i);
  }

  /** How many answers the coach posted in the thread of each mention. */
  static Map<String, Long> answersPerMention(FakeSlack fake) {
    return fake.calls("chat.postMessage").stream()
        .map(call -> call.param("thread_ts"))
        .filter(thread -> thread != null && thread.startsWith("1700000000."))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  static int unfinished(Database database) {
    return database.withConnection(
        connection -> {
          try (var rs =
              connection
                  .createStatement()
                  .executeQuery(
                      "SELECT COUNT(*) FROM delivery WHERE state NOT IN ('DONE', 'FAILED')")) {
            return rs.next() ? rs.getInt(1) : -1;
          }
        });
  }
}
