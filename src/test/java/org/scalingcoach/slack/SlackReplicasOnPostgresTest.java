package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.conversation.ChildCoach;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.TestDatabases;

/**
 * Two coach processes on one PostgreSQL database, with the test as a round-robin load balancer in
 * front of them and FakeSlack behind: each mention is answered once however it is split, sent
 * twice, or interrupted by a kill -9 of one replica.
 */
class SlackReplicasOnPostgresTest {
  private static final int MENTIONS = 300;
  private static final int TWICE = 40;
  private static final String TEAM = "TREPLICA";
  private static final String REMINDERS = "audit reminders and nudges";

  @Test
  void mentions_split_across_two_replicas_or_sent_to_both_at_once_are_each_answered_once()
      throws Exception {
    Path dir = TestCore.tempDir("replicas-");
    String database = TestDatabases.newPostgresDatabase();
    try (FakeSlack fake = FakeSlack.start();
        ChildCoach a = replica(dir, fake, database, "replica-a");
        ChildCoach b = replica(dir, fake, database, "replica-b");
        Database db = open(database)) {
      List<String> mentions = mentions("EvSplit", 0, MENTIONS);
      sendAll(List.of(a, b), mentions);
      List<String> twice = mentions("EvTwice", MENTIONS, TWICE);
      sendToBothAtOnce(a, b, twice);

      int total = MENTIONS + TWICE;
      await()
          .atMost(Duration.ofSeconds(90))
          .conditionEvaluationListener(
              condition -> {
                if (condition.getElapsedTimeInMS() % 10_000 < 150) {
                  System.out.println(summary(db, fake));
                }
              })
          .until(
              () ->
                  SlackInboxCrashTest.answersPerMention(fake).size() == total
                      && SlackInboxCrashTest.unfinished(db) == 0);
      Map<String, Long> answers = SlackInboxCrashTest.answersPerMention(fake);
      long duplicated = answers.values().stream().mapToLong(n -> n - 1).sum();
      Map<String, Integer> handled = handledBy(db);
      System.out.printf(
          "two replicas on PostgreSQL: %d mentions round-robin and %d sent to both at once;"
              + " answered %d, lost %d, duplicated %d; handled by %s%n",
          MENTIONS, TWICE, answers.size(), total - answers.size(), duplicated, handled);
      assertThat(answers).hasSize(total);
      assertThat(duplicated).isZero();
      assertNoDeadlock(dir);
      assertThat(handled).containsOnlyKeys("replica-a", "replica-b");
    }
  }

  @Test
  void when_one_replica_is_killed_under_load_the_other_finishes_its_work_and_takes_its_lease()
      throws Exception {
    Path dir = TestCore.tempDir("replicas-kill-");
    String database = TestDatabases.newPostgresDatabase();
    try (FakeSlack fake = FakeSlack.start();
        Database db = open(database);
        ChildCoach a = replica(dir, fake, database, "replica-a")) {
      await().atMost(Duration.ofSeconds(30)).until(() -> "replica-a".equals(leaseHolder(db)));
      try (ChildCoach b = replica(dir, fake, database, "replica-b")) {
        List<String> mentions = mentions("EvKill", 0, MENTIONS);
        AtomicIntegerArray acked = new AtomicIntegerArray(MENTIONS);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        CountDownLatch half = new CountDownLatch(MENTIONS / 2);
        for (int i = 0; i < MENTIONS; i++) {
          int index = i;
          ChildCoach target = i % 2 == 0 ? a : b;
          senders.execute(
              () -> {
                if (send(target, mentions.get(index), false)) {
                  acked.set(index, 1);
                  half.countDown();
                }
              });
        }
        assertThat(half.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(leaseHolder(db)).isEqualTo("replica-a");
        a.kill();
        // Counted before the lease runs out and replica-b takes them over.
        int heldByA = heldBy(db, "replica-a");
        int ackedBeforeKill = count(acked);
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        // Slack delivers again what got no 2xx; the load balancer sends it to the live replica.
        int redelivered = 0;
        for (int i = 0; i < MENTIONS; i++) {
          if (acked.get(i) == 0) {
            redelivered++;
            String mention = mentions.get(i);
            await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> send(b, mention, true));
          }
        }
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () ->
                    SlackInboxCrashTest.answersPerMention(fake).size() == MENTIONS
                        && SlackInboxCrashTest.unfinished(db) == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> "replica-b".equals(leaseHolder(db)));
        Map<String, Long> answers = SlackInboxCrashTest.answersPerMention(fake);
        long duplicated = answers.values().stream().mapToLong(n -> n - 1).sum();
        System.out.printf(
            "kill -9 of one of two replicas: %d of %d mentions acknowledged before the kill,"
                + " %d unfinished ones held by the killed replica, %d redelivered to the other;"
                + " lost %d, duplicated %d; reminder lease now with %s%n",
            ackedBeforeKill,
            MENTIONS,
            heldByA,
            redelivered,
            MENTIONS - answers.size(),
            duplicated,
            leaseHolder(db));
        assertThat(answers).hasSize(MENTIONS);
        assertThat(duplicated).isZero();
        assertNoDeadlock(dir);
      }
    }
  }

  @Test
  void audit_clicks_of_80_auditors_split_across_two_replicas_survive_a_kill_9_of_one()
      throws Exception {
    Path dir = TestCore.tempDir("replicas-audit-");
    String database = TestDatabases.newPostgresDatabase();
    int auditors = SlackAuditCrashTest.AUDITORS;
    int answers = SlackAuditCrashTest.ANSWERS;
    try (FakeSlack fake = FakeSlack.start();
        Database db = open(database);
        ChildCoach a = replica(dir, fake, database, "replica-a");
        ChildCoach b = replica(dir, fake, database, "replica-b")) {
      RoundRobin coach = new RoundRobin(List.of(a, b));
      AtomicInteger acked = new AtomicInteger();
      ExecutorService clicking = Executors.newFixedThreadPool(auditors);
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < auditors; i++) {
        String user = String.format("U0AUD%03d", i);
        runs.add(clicking.submit(() -> SlackAuditCrashTest.audit(coach, fake, user, acked)));
      }
      await().atMost(Duration.ofSeconds(90)).until(() -> acked.get() >= auditors * answers / 2);
      a.kill();
      coach.replicas = List.of(b);
      int ackedBeforeKill = acked.get();
      for (Future<?> run : runs) {
        run.get();
      }
      clicking.shutdown();
      await().atMost(Duration.ofSeconds(60)).until(() -> SlackInboxCrashTest.unfinished(db) == 0);
      Map<String, Integer> stored = SlackAuditCrashTest.answersPerAuditor(db);
      int lost = 0;
      int doubled = 0;
      List<String> twice = new ArrayList<>();
      for (int i = 0; i < auditors; i++) {
        String user = String.format("U0AUD%03d", i);
        lost += Math.max(0, answers - stored.getOrDefault(user, 0));
        for (int q = 1; q <= answers + 1; q++) {
          int extra = Math.max(0, SlackAuditCrashTest.questionPosts(fake, user, q) - 1);
          doubled += extra;
          if (extra > 0) {
            twice.add(user + " question " + q);
          }
        }
      }
      if (!twice.isEmpty()) {
        System.out.println(deliveriesOf(db, twice, dir));
      }
      System.out.printf(
          "audit clicks on two replicas, one killed: %d auditors, %d of %d clicks acknowledged"
              + " before the kill; answers lost %d, questions sent twice %d%n",
          auditors, ackedBeforeKill, auditors * answers, lost, doubled);
      assertThat(lost).isZero();
      assertThat(doubled).isZero();
      assertThat(stored.values()).allMatch(n -> n == answers);
    }
  }

  /** The load balancer in front of the auditors: each request to the next live replica. */
  private static final class RoundRobin extends SlackAuditCrashTest.Coach {
    private final AtomicInteger turn = new AtomicInteger();
    volatile List<ChildCoach> replicas;

    RoundRobin(List<ChildCoach> replicas) {
      super(replicas.get(0));
      this.replicas = replicas;
    }

    @Override
    ChildCoach next() {
      List<ChildCoach> live = replicas;
      return live.get(Math.floorMod(turn.getAndIncrement(), live.size()));
    }
  }

  /**
   * For a question sent twice: its auditor's deliveries as stored, and what the replicas logged
   * about taking over or redoing deliveries, so a failure in CI says which path sent it again.
   */
  private static String deliveriesOf(Database db, List<String> twice, Path dir)
      throws java.io.IOException {
    StringBuilder out = new StringBuilder("questions sent twice: ").append(twice);
    for (String user :
        twice.stream().map(t -> t.substring(0, t.indexOf(' '))).distinct().toList()) {
      out.append("\ndeliveries of ").append(user).append(':');
      db.withConnection(
          connection -> {
            try (var statement =
                connection.prepareStatement(
                    "SELECT * FROM delivery WHERE payload LIKE ? ORDER BY id")) {
              statement.setString(1, "%" + user + "%");
              try (var rs = statement.executeQuery()) {
                var meta = rs.getMetaData();
                while (rs.next()) {
                  out.append("\n ");
                  for (int c = 1; c <= meta.getColumnCount(); c++) {
                    String value = String.valueOf(rs.getObject(c));
                    if (meta.getColumnName(c).equals("payload")) {
                      value = value.contains("payload=") ? "(a click)" : "(a command)";
                    }
                    out.append(' ').append(meta.getColumnName(c)).append('=').append(value);
                  }
                }
              }
            }
            return null;
          });
    }
    try (var logs = java.nio.file.Files.list(dir)) {
      for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        out.append("\n").append(log.getFileName()).append(':');
        java.nio.file.Files.readAllLines(log).stream()
            .filter(
                l ->
                    l.contains("WARN")
                        || l.contains("ERROR")
                        || l.contains("took over")
                        || l.contains("answered before")
                        || l.contains("resuming"))
            .limit(60)
            .forEach(l -> out.append("\n  ").append(l));
      }
    }
    return out.toString();
  }

  /** What the inbox holds, for the failure message when a wait times out. */
  private static String summary(Database db, FakeSlack fake) {
    return db.withConnection(
        connection -> {
          StringBuilder out =
              new StringBuilder("answers: ")
                  .append(SlackInboxCrashTest.answersPerMention(fake).size())
                  .append("; deliveries:");
          try (var rs =
              connection
                  .createStatement()
                  .executeQuery(
                      "SELECT state, claimed_by, COUNT(*) FROM delivery GROUP BY state, claimed_by")) {
            while (rs.next()) {
              out.append(' ')
                  .append(rs.getString(1))
                  .append('/')
                  .append(rs.getString(2))
                  .append('=')
                  .append(rs.getInt(3));
            }
          }
          return out.toString();
        });
  }

  private static ChildCoach replica(Path dir, FakeSlack fake, String database, String id)
      throws Exception {
    Path data = java.nio.file.Files.createDirectories(dir.resolve(id));
    Map<String, String> env = SlackInboxCrashTest.env(data, fake);
    env.put("COACH_DATABASE_URL", TestDatabases.url(database));
    env.put("COACH_DATABASE_USER", "postgres");
    env.put("COACH_DATABASE_PASSWORD", "postgres");
    env.put("COACH_REPLICA_ID", id);
    // Long enough that a replica starved of CPU on a loaded test machine keeps its leases (one that
    // stalls longer than its lease mid-send can have its delivery redone by the other), short
    // enough that a killed one's work moves on within the test.
    env.put("COACH_REPLICA_LEASE_SECONDS", "10");
    return ChildCoach.start(env, dir.resolve(id + ".log"));
  }

  private static Database open(String database) {
    return Database.openPostgres(
        TestDatabases.url(database), "postgres", "postgres", Database.Replica.LOCAL);
  }

  private static List<String> mentions(String prefix, int first, int count) {
    return IntStream.range(first, first + count)
        .mapToObj(
            i ->
                SlackRequests.envelope(
                    TEAM,
                    prefix + i,
                    SlackRequests.appMention(
                        TEAM,
                        "C0REPLICA",
                        "U0ASKER" + (i % 25),
                        SlackInboxCrashTest.ts(i),
                        null,
                        "<@" + FakeSlack.BOT_USER + "> how do we notice model drift?")))
        .toList();
  }

  /** Round-robin: mention i goes to replica i mod 2, eight at a time. */
  private static void sendAll(List<ChildCoach> replicas, List<String> mentions)
      throws InterruptedException {
    ExecutorService senders = Executors.newFixedThreadPool(8);
    for (int i = 0; i < mentions.size(); i++) {
      ChildCoach target = replicas.get(i % replicas.size());
      String mention = mentions.get(i);
      senders.execute(
          () ->
              await()
                  .atMost(Duration.ofSeconds(30))
                  .pollInterval(Duration.ofMillis(50))
                  .until(() -> send(target, mention, false)));
    }
    senders.shutdown();
    assertThat(senders.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
  }

  /** Each mention goes to both replicas at the same moment, as a retry racing the original. */
  private static void sendToBothAtOnce(ChildCoach a, ChildCoach b, List<String> mentions)
      throws InterruptedException {
    ExecutorService pair = Executors.newFixedThreadPool(2);
    for (String mention : mentions) {
      CountDownLatch go = new CountDownLatch(1);
      for (ChildCoach target : List.of(a, b)) {
        pair.execute(
            () -> {
              try {
                go.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              send(target, mention, false);
            });
      }
      go.countDown();
    }
    pair.shutdown();
    assertThat(pair.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
  }

  private static boolean send(ChildCoach target, String mention, boolean retry) {
    try {
      SlackRequests slack = new SlackRequests(target.port());
      int status =
          retry
              ? slack
                  .event(mention, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error")
                  .statusCode()
              : slack.event(mention).statusCode();
      return status / 100 == 2;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static int count(AtomicIntegerArray acked) {
    int n = 0;
    for (int i = 0; i < acked.length(); i++) {
      n += acked.get(i);
    }
    return n;
  }

  private static String leaseHolder(Database db) {
    return db.withConnection(
        connection -> {
          try (var select =
              connection.prepareStatement("SELECT holder FROM replica_lease WHERE name = ?")) {
            select.setString(1, REMINDERS);
            try (var rs = select.executeQuery()) {
              return rs.next() ? rs.getString(1) : null;
            }
          }
        });
  }

  /** How many finished deliveries each replica handled. */
  private static Map<String, Integer> handledBy(Database db) {
    return db.withConnection(
        connection -> {
          Map<String, Integer> counts = new java.util.TreeMap<>();
          try (var rs =
              connection
                  .createStatement()
                  .executeQuery(
                      "SELECT claimed_by, COUNT(*) FROM delivery WHERE state = 'DONE'"
                          + " GROUP BY claimed_by")) {
            while (rs.next()) {
              counts.put(rs.getString(1), rs.getInt(2));
            }
          }
          return counts;
        });
  }

  private static int heldBy(Database db, String replica) {
    return db.withConnection(
        connection -> {
          try (var select =
              connection.prepareStatement(
                  "SELECT COUNT(*) FROM delivery WHERE claimed_by = ?"
                      + " AND state IN ('PENDING', 'WORKING', 'SENDING')")) {
            select.setString(1, replica);
            try (var rs = select.executeQuery()) {
              return rs.next() ? rs.getInt(1) : -1;
            }
          }
        });
  }

  /**
   * Neither replica met a deadlock: PostgreSQL writes each in a transaction of their own. Batched
   * like SQLite's, two batches updating delivery rows in different orders deadlocked under this
   * load, and the victim's inbox marks failed with it (a reply sent twice).
   */
  private static void assertNoDeadlock(Path dir) throws java.io.IOException {
    try (var logs = java.nio.file.Files.list(dir)) {
      for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
        assertThat(java.nio.file.Files.readString(log))
            .as(log.toString())
            .doesNotContain("deadlock");
      }
    }
  }
}
