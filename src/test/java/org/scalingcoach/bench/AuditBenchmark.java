package org.scalingcoach.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.TestCore;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.slack.FakeSlack;
import org.scalingcoach.slack.SlackRequests;
import org.scalingcoach.store.Database;

/**
 * 50 auditors at once (-Dauditors=N), each clicking through a whole audit in Slack: signed {@code
 * block_actions} to the coach running as a child process with the shipped JVM flags ({@link
 * CoachProcess}), questions arriving at the fake Slack Web API. After warm-up rounds it prints, per
 * round and as medians, answers recorded per second, the latency from a click to the next
 * question's {@code chat.postMessage} at the fake, and the coach process's processor time per
 * click. {@code -Dbench.baseline=DIR} runs a second coach from another build's classes in the same
 * alternation and prints the ratios. Run with {@code mvn -q -o test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.scalingcoach.bench.AuditBenchmark}.
 */
public final class AuditBenchmark {
  private static final int AUDITORS = Integer.getInteger("auditors", 50);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  private static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmup.rounds", 12);
  private static final String TYPE = "audit-your-data";

  /**
   * How long an auditor reads a question before clicking, on average (-Dbench.think.ms; uniform
   * between none and twice this). The default, 0, clicks the moment the question arrives, which
   * keeps the machine full: the latency is then mostly queueing, 50 ÷ answers per second.
   */
  private static final int THINK_MS = Integer.getInteger("bench.think.ms", 0);

  private AuditBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path template = warmTemplate();
    Path work = Files.createDirectories(Path.of("target", "bench", "audit"));
    try (FakeSlack fake = FakeSlack.start()) {
      Map<String, BlockingQueue<FakeSlack.Call>> inbox = new ConcurrentHashMap<>();
      fake.listen(
          call -> {
            if (call.method().equals("chat.postMessage")) {
              inbox
                  .computeIfAbsent(call.param("channel"), c -> new LinkedBlockingQueue<>())
                  .add(call);
            }
          });
      Map<String, String> env = Map.of("SLACK_API_URL", fake.apiUrl());
      List<App> apps = new ArrayList<>();
      apps.add(new App("the coach", CoachProcess.start(work, copyOf(template), env)));
      String baseline = System.getProperty("bench.baseline");
      if (baseline != null) {
        apps.add(
            new App(
                "the baseline (" + baseline + ")",
                CoachProcess.start(work, copyOf(template), env, Path.of(baseline))));
      }
      try {
        System.out.printf(
            "AuditBenchmark: %d concurrent auditors clicking through '%s' in Slack (%d cores),"
                + " %s, %d rounds after %d of warm-up, %s alternating; load average %s; this"
                + " machine hashes 64 MB in %.0f ms%n",
            AUDITORS,
            TYPE,
            Runtime.getRuntime().availableProcessors(),
            THINK_MS == 0
                ? "each clicking as soon as a question arrives"
                : "each reading a question " + THINK_MS + " ms on average before clicking",
            ROUNDS,
            WARMUP_ROUNDS,
            apps.size() == 1 ? "one coach" : "two coaches",
            BoltJsSideBySide.loadAverage(),
            MachineCheck.hashMillis());
        // Warm-up at the full concurrency, so the measured rounds see compiled code.
        for (App app : apps) {
          for (int round = 0; round < WARMUP_ROUNDS; round++) {
            run(app.slack(), fake, inbox, AUDITORS, "TW" + apps.indexOf(app) + "R" + round);
          }
        }
        for (App app : apps) {
          app.stages().add(CoachStages.read(app.process().port()));
        }
        for (int round = 0; round < ROUNDS; round++) {
          for (App app : apps) {
            long cpuBefore = app.cpuNanos();
            long harnessBefore = processCpuNanos();
            long[] machineBefore = MachineCheck.counters();
            long start = System.nanoTime();
            List<Double> latencies =
                run(app.slack(), fake, inbox, AUDITORS, "TB" + apps.indexOf(app) + "R" + round);
            double seconds = (System.nanoTime() - start) / 1e9;
            app.record(
                latencies,
                seconds,
                (app.cpuNanos() - cpuBefore) / 1e6 / latencies.size(),
                (processCpuNanos() - harnessBefore) / 1e6 / latencies.size(),
                MachineCheck.stealSince(machineBefore));
          }
        }
        for (App app : apps) {
          app.stages().add(CoachStages.read(app.process().port()));
          app.print();
        }
        if (apps.size() == 2) {
          App now = apps.get(0);
          App before = apps.get(1);
          System.out.printf(
              "  ratios coach / baseline: answers per second %.2f, click -> next question p99 %.2f,"
                  + " processor time per click %.2f%n",
              now.median(now.rates) / before.median(before.rates),
              now.median(now.p99s) / before.median(before.p99s),
              now.median(now.cpus) / before.median(before.cpus));
        }
      } finally {
        for (App app : apps) {
          app.process().close();
        }
      }
    }
    System.exit(0);
  }

  /** One coach under test, with the figures of its measured rounds. */
  private record App(
      String name,
      CoachProcess process,
      SignedPoster slack,
      List<Double> all,
      List<Double> rates,
      List<Double> p99s,
      List<Double> cpus,
      List<Double> harness,
      List<CoachStages> stages) {
    App(String name, CoachProcess process) {
      this(
          name,
          process,
          new SignedPoster(process.port(), AUDITORS),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>());
    }

    /** The coach process's own processor time: the clients and the fake Slack are not in it. */
    long cpuNanos() {
      return BoltJsSideBySide.cpu(process.handle()).toNanos();
    }

    void record(
        List<Double> latencies,
        double seconds,
        double cpuPerClick,
        double harnessPerClick,
        String steal) {
      all.addAll(latencies);
      rates.add(latencies.size() / seconds);
      p99s.add(Stats.percentile(latencies, 99));
      cpus.add(cpuPerClick);
      harness.add(harnessPerClick);
      System.out.printf(
          "  %s, round %d: %.0f answers/s, click -> next question %s, processor time per click:"
              + " coach %.2f ms, clicking client and fake Slack %.2f ms (load average %s, steal"
              + " %s)%n",
          name,
          rates.size(),
          latencies.size() / seconds,
          Stats.summary(latencies),
          cpuPerClick,
          harnessPerClick,
          BoltJsSideBySide.loadAverage(),
          steal);
    }

    double median(List<Double> values) {
      return Stats.percentile(values, 50);
    }

    void print() {
      System.out.printf(
          "%s, median of %d rounds: %.0f answers recorded per second, click -> next question p99"
              + " %.1f ms, processor time per click: coach %.2f ms, clicking client and fake Slack"
              + " %.2f ms; all rounds together: %s; RSS %d MB%n",
          name,
          rates.size(),
          median(rates),
          median(p99s),
          median(cpus),
          median(harness),
          Stats.summary(all),
          process.rssMegabytes());
      System.out.println(
          "  inside "
              + name
              + ", over the measured rounds: "
              + stages.get(1).since(stages.get(0), all.size()));
    }
  }

  private static List<Double> run(
      SignedPoster slack,
      FakeSlack fake,
      Map<String, BlockingQueue<FakeSlack.Call>> inbox,
      int auditors,
      String team)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(auditors);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<Double>>> runs = new ArrayList<>();
    for (int u = 0; u < auditors; u++) {
      String user = "U" + team + u;
      int choice = u % 4;
      runs.add(
          pool.submit(
              () -> {
                go.await();
                return audit(
                    slack,
                    fake,
                    inbox.computeIfAbsent(user, c -> new LinkedBlockingQueue<>()),
                    team,
                    user,
                    choice);
              }));
    }
    go.countDown();
    List<Double> latencies = new ArrayList<>();
    for (Future<List<Double>> run : runs) {
      latencies.addAll(run.get(10, TimeUnit.MINUTES));
    }
    pool.shutdown();
    return latencies;
  }

  private static List<Double> audit(
      SignedPoster slack,
      FakeSlack fake,
      BlockingQueue<FakeSlack.Call> inbox,
      String team,
      String user,
      int choice)
      throws Exception {
    int started =
        slack.form(
            SlackRequests.slashCommand(
                team,
                "C0BENCH",
                user,
                "audit start " + TYPE + " Benchmark subject",
                fake.responseUrl("cmd")));
    if (started != 200) {
      throw new IllegalStateException("start failed: " + started);
    }
    FakeSlack.Call message = next(inbox);
    List<Double> latencies = new ArrayList<>();
    while (true) {
      JsonNode blocks = message.json("blocks");
      String value = option(blocks, choice);
      if (value == null) {
        return latencies;
      }
      if (THINK_MS > 0) {
        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(2L * THINK_MS + 1));
      }
      long clicked = System.nanoTime();
      int ack =
          slack.form(
              SlackRequests.blockAction(
                  team,
                  user,
                  "D" + user,
                  "1800000000.000001",
                  null,
                  false,
                  value.split("\t")[0],
                  value.split("\t")[1],
                  fake.responseUrl("click")));
      if (ack != 200) {
        throw new IllegalStateException("click failed: " + ack);
      }
      message = next(inbox);
      latencies.add((message.receivedNanos() - clicked) / 1e6);
    }
  }

  private static FakeSlack.Call next(BlockingQueue<FakeSlack.Call> inbox)
      throws InterruptedException {
    FakeSlack.Call call = inbox.poll(60, TimeUnit.SECONDS);
    if (call == null) {
      throw new IllegalStateException("no message from the coach within 60 s");
    }
    return call;
  }

  /** This process's processor time: the clicking client and the fake Slack. */
  private static long processCpuNanos() {
    return BoltJsSideBySide.cpu(ProcessHandle.current()).toNanos();
  }

  /** The action id and value of the answer button to click, or null on the finish step. */
  private static String option(JsonNode blocks, int choice) {
    List<String> answers = new ArrayList<>();
    for (JsonNode block : blocks) {
      for (JsonNode element : block.path("elements")) {
        String id = element.path("action_id").asText();
        if (id.startsWith("audit_answer_")) {
          answers.add(id + "\t" + element.path("value").asText());
        }
      }
    }
    return answers.isEmpty() ? null : answers.get(Math.min(choice, answers.size() - 1));
  }

  /**
   * A database with the knowledge base's embeddings computed ({@code target/bench/audit-embeddings
   * .db}, made by the first run), so repeated runs, and A/B runs of two builds, measure clicks
   * rather than embedding the knowledge base again.
   */
  private static Path warmTemplate() throws Exception {
    Path warm = Path.of("target", "bench", "audit-embeddings.db");
    if (!Files.exists(warm)) {
      CoachConfig config = TestCore.config(TestCore.tempDir("audit-bench-"));
      Database database = CoachWiring.database(config);
      // Building the core embeds the knowledge base into the database.
      CoachWiring.core(config, database);
      Files.createDirectories(warm.getParent());
      try (var connection = database.connection();
          var statement = connection.createStatement()) {
        statement.execute("VACUUM INTO '" + warm.toAbsolutePath() + "'");
      }
    }
    return warm;
  }

  /** A fresh data folder holding a copy of {@code template} as its database. */
  private static Path copyOf(Path template) throws Exception {
    Path data = TestCore.tempDir("audit-bench-");
    Files.copy(template, TestCore.config(data).databaseFile());
    return data;
  }
}
