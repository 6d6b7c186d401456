package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.conversation.ChildCoach;
import org.scalingcoach.store.Database;

class SlackAuditCrashTest {
  static final int AUDITORS = 80;
  static final int ANSWERS = 4;
  static final String TEAM = "TAUDCRASH";

  @Test
  void no_acknowledged_audit_click_is_lost_or_doubled_across_a_kill_9() throws Exception {
    Path dir = TestCore.tempDir("audit-crash-");
    try (FakeSlack fake = FakeSlack.start()) {
      Map<String, String> env = SlackInboxCrashTest.env(dir, fake);
      AtomicInteger acked = new AtomicInteger();
      ChildCoach first = ChildCoach.start(env, dir.resolve("child.log"));
      Coach coach = new Coach(first);
      ExecutorService auditors = Executors.newFixedThreadPool(AUDITORS);
      List<Future<?>> runs = new ArrayList<>();
      for (int a = 0; a < AUDITORS; a++) {
        String user = String.format("U0AUD%03d", a);
        runs.add(auditors.submit(() -> audit(coach, fake, user, acked)));
      }
      await().atMost(Duration.ofSeconds(90)).until(() -> acked.get() >= AUDITORS * ANSWERS / 2);
      first.kill();
      int ackedBeforeKill = acked.get();
      try (ChildCoach restarted = ChildCoach.start(env, dir.resolve("child.log"))) {
        coach.current = restarted;
        for (Future<?> run : runs) {
          run.get();
        }
        auditors.shutdown();
        try (Database database = Database.open(dir.resolve("coach.db"))) {
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> SlackInboxCrashTest.unfinished(database) == 0);
          Map<String, Integer> stored = answersPerAuditor(database);
          int lost = 0;
          int doubled = 0;
          for (int a = 0; a < AUDITORS; a++) {
            String user = String.format("U0AUD%03d", a);
            lost += Math.max(0, ANSWERS - stored.getOrDefault(user, 0));
            for (int q = 1; q <= ANSWERS + 1; q++) {
              doubled += Math.max(0, questionPosts(fake, user, q) - 1);
            }
          }
          System.out.printf(
              "slack audit kill -9: %d auditors, %d of %d clicks acknowledged before the kill;"
                  + " answers lost %d, questions sent twice %d%n",
              AUDITORS, ackedBeforeKill, AUDITORS * ANSWERS, lost, doubled);
          assertThat(ackedBeforeKill).isLessThan(AUDITORS * ANSWERS);
          assertThat(lost).isZero();
          assertThat(doubled).isZero();
          assertThat(stored.values()).allMatch(n -> n == ANSWERS);
        }
      }
    }
  }

  /** The coach the auditors talk to: the first child, then the restarted one. */
  static class Coach {
    volatile ChildCoach current;

    Coach(ChildCoach current) {
      this.current = current;
    }

    /** The coach the next request goes to. */
    ChildCoach next() {
      return current;
    }

    /** Sends a form until it is acknowledged, as Slack redelivers one that got no 2xx. */
    void deliver(String form) {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(50))
          .ignoreExceptions()
          .until(() -> new SlackRequests(next().port()).form(form).statusCode() / 100 == 2);
    }
  }

  /** One auditor: starts an audit and answers the first questions, one click per question. */
  static Void audit(Coach coach, FakeSlack fake, String user, AtomicInteger acked) {
    coach.deliver(
        SlackRequests.slashCommand(
            TEAM,
            "C0GUILD",
            user,
            "audit start engage-stakeholders Rollout " + user,
            fake.responseUrl("cmd-" + user)));
    for (int q = 1; q <= ANSWERS; q++) {
      int number = q;
      await().atMost(Duration.ofSeconds(90)).until(() -> questionPosts(fake, user, number) > 0);
      FakeSlack.Call post = question(fake, user, q);
      String value = SlackRequests.buttonValue(post.json("blocks"), "audit_answer_1");
      coach.deliver(
          SlackRequests.blockAction(
              TEAM,
              user,
              "D" + user.substring(1),
              post.param("posted_ts"),
              null,
              false,
              "audit_answer_1",
              value,
              fake.responseUrl("click-" + user + "-" + q)));
      acked.incrementAndGet();
    }
    int last = ANSWERS + 1;
    await().atMost(Duration.ofSeconds(90)).until(() -> questionPosts(fake, user, last) > 0);
    return null;
  }

  private static List<FakeSlack.Call> questions(FakeSlack fake, String user, int number) {
    return fake.calls("chat.postMessage").stream()
        .filter(call -> user.equals(call.param("channel")))
        .filter(call -> call.param("blocks") != null)
        .filter(call -> call.param("blocks").contains("Question " + number + " of "))
        .toList();
  }

  static int questionPosts(FakeSlack fake, String user, int number) {
    return questions(fake, user, number).size();
  }

  private static FakeSlack.Call question(FakeSlack fake, String user, int number) {
    return questions(fake, user, number).get(0);
  }

  static Map<String, Integer> answersPerAuditor(Database database) {
    return database.withConnection(
        connection -> {
          Map<String, Integer> counts = new HashMap<>();
          try (var rs =
              connection
                  .createStatement()
                  .executeQuery(
                      "SELECT a.user_id, COUNT(*) FROM audit a JOIN audit_answer r ON r.audit_id"
                          + " = a.id WHERE a.team_id = '"
                          + TEAM
                          + "' GROUP BY a.user_id")) {
            while (rs.next()) {
              counts.put(rs.getString(1), rs.getInt(2));
            }
          }
          return counts;
        });
  }
}
