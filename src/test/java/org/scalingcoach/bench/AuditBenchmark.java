package org.scalingcoach.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.TestCore;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.slack.FakeSlack;
import org.scalingcoach.slack.SlackRequests;
import org.scalingcoach.web.CoachServer;

/**
 * 50 auditors at once (-Dauditors=N), each clicking through a whole audit in Slack: signed {@code
 * block_actions} to the real server, questions arriving at the fake Slack Web API. Prints answers
 * recorded per second and the latency from a click to the next question's {@code chat.postMessage}
 * at the fake. Run with {@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.scalingcoach.bench.AuditBenchmark}.
 */
public final class AuditBenchmark {
  private static final int AUDITORS = Integer.getInteger("auditors", 50);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  private static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmup.rounds", 5);
  private static final String TYPE = "audit-your-data";

  private AuditBenchmark() {}

  public static void main(String[] args) throws Exception {
    CoachCore core = warmCore();
    try (FakeSlack fake = FakeSlack.start();
        CoachServer server = CoachServer.start(config(core, fake), core)) {
      Map<String, BlockingQueue<FakeSlack.Call>> inbox = new ConcurrentHashMap<>();
      fake.listen(
          call -> {
            if (call.method().equals("chat.postMessage")) {
              inbox
                  .computeIfAbsent(call.param("channel"), c -> new LinkedBlockingQueue<>())
                  .add(call);
            }
          });
      SlackRequests slack = new SlackRequests(server.port());
      // Warm-up at the full concurrency, so the measured rounds see compiled code.
      for (int round = 0; round < WARMUP_ROUNDS; round++) {
        run(slack, fake, inbox, AUDITORS, "TWARM" + round);
      }
      System.out.printf(
          "AuditBenchmark: %d concurrent auditors clicking through '%s' in Slack (%d cores),"
              + " %d rounds after %d of warm-up%n",
          AUDITORS, TYPE, Runtime.getRuntime().availableProcessors(), ROUNDS, WARMUP_ROUNDS);
      List<Double> all = new ArrayList<>();
      List<Double> rates = new ArrayList<>();
      List<Double> p99s = new ArrayList<>();
      List<Double> cpus = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        List<Double> latencies = run(slack, fake, inbox, AUDITORS, "TBENCH" + round);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuPerClick = (processCpuNanos() - cpuBefore) / 1e6 / latencies.size();
        all.addAll(latencies);
        rates.add(latencies.size() / seconds);
        p99s.add(Stats.percentile(latencies, 99));
        cpus.add(cpuPerClick);
        System.out.printf(
            "  round %d: %.0f answers/s, click -> next question %s, processor time per click %.2f"
                + " ms (load average %s)%n",
            round + 1,
            latencies.size() / seconds,
            Stats.summary(latencies),
            cpuPerClick,
            BoltJsSideBySide.loadAverage());
      }
      System.out.printf(
          "  median of the rounds: %.0f answers recorded per second, click -> next question p99"
              + " %.1f ms, processor time per click %.2f ms%n",
          Stats.percentile(rates, 50), Stats.percentile(p99s, 50), Stats.percentile(cpus, 50));
      System.out.println("  all rounds together: click -> next question " + Stats.summary(all));
      System.out.println(
          "  (processor time is this whole process's: the server, the fake Slack and the clicking"
              + " client share it)");
    }
    System.exit(0);
  }

  private static List<Double> run(
      SlackRequests slack,
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
      SlackRequests slack,
      FakeSlack fake,
      BlockingQueue<FakeSlack.Call> inbox,
      String team,
      String user,
      int choice)
      throws Exception {
    HttpResponse<String> started =
        slack.form(
            SlackRequests.slashCommand(
                team,
                "C0BENCH",
                user,
                "audit start " + TYPE + " Benchmark subject",
                fake.responseUrl("cmd")));
    if (started.statusCode() != 200) {
      throw new IllegalStateException(
          "start failed: " + started.statusCode() + " " + started.body());
    }
    FakeSlack.Call message = next(inbox);
    List<Double> latencies = new ArrayList<>();
    while (true) {
      JsonNode blocks = message.json("blocks");
      String value = option(blocks, choice);
      if (value == null) {
        return latencies;
      }
      long clicked = System.nanoTime();
      HttpResponse<String> ack =
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
      if (ack.statusCode() != 200) {
        throw new IllegalStateException("click failed: " + ack.statusCode());
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

  private static long processCpuNanos() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .orElseThrow(() -> new IllegalStateException("this system does not report processor time"))
        .toNanos();
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
   * A core on a fresh database that starts from a copy of the embeddings a previous run computed
   * ({@code target/bench/audit-embeddings.db}), so repeated runs, and A/B runs of two builds,
   * measure clicks rather than embedding the knowledge base again.
   */
  private static CoachCore warmCore() throws Exception {
    Path warm = Path.of("target", "bench", "audit-embeddings.db");
    Path data = TestCore.tempDir("audit-bench-");
    CoachConfig config = TestCore.config(data);
    if (Files.exists(warm)) {
      Files.copy(warm, config.databaseFile());
    }
    CoachCore core = CoachWiring.core(config);
    if (!Files.exists(warm)) {
      Files.createDirectories(warm.getParent());
      try (var connection = core.database().connection();
          var statement = connection.createStatement()) {
        statement.execute("VACUUM INTO '" + warm.toAbsolutePath() + "'");
      }
    }
    return core;
  }

  private static CoachConfig config(CoachCore core, FakeSlack fake) {
    Map<String, String> env = new HashMap<>();
    env.put("COACH_DATA_DIR", core.database().file().getParent().toString());
    env.put("COACH_KNOWLEDGE_DIR", "knowledge");
    env.put("PORT", "0");
    env.put("SLACK_BOT_TOKEN", "xoxb-1-bench-token");
    env.put("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET);
    env.put("SLACK_API_URL", fake.apiUrl());
    return CoachConfig.fromEnvironment(env);
  }
}
