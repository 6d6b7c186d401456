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
import org.scalingcoach.store.Database;
import org.scalingcoach.web.CoachServer;

/**
 * 200 auditors at once, each clicking through a whole audit in Slack: signed {@code block_actions}
 * to the real server, questions arriving at the fake Slack Web API. Prints answers recorded per
 * second and the latency from a click to the next question's {@code chat.postMessage} at the fake.
 * Run with {@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.scalingcoach.bench.AuditBenchmark}.
 */
public final class AuditBenchmark {
  private static final int AUDITORS = Integer.getInteger("auditors", 200);
  private static final String TYPE = "audit-your-data";

  private AuditBenchmark() {}

  public static void main(String[] args) throws Exception {
    Warm warm = warmCore();
    CoachCore core = warm.core();
    Database database = warm.database();
    try (FakeSlack fake = FakeSlack.start();
        CoachServer server = CoachServer.start(config(database, fake), core, database)) {
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
      run(slack, fake, inbox, 20, "TWARM");
      List<Double> latencies = new ArrayList<>();
      long start = System.nanoTime();
      latencies.addAll(run(slack, fake, inbox, AUDITORS, "TBENCH"));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "AuditBenchmark: %d concurrent auditors clicking through '%s' in Slack (%d cores)%n",
          AUDITORS, TYPE, Runtime.getRuntime().availableProcessors());
      System.out.printf(
          "  answers recorded per second: %.0f (%d answers in %.2f s)%n",
          latencies.size() / seconds, latencies.size(), seconds);
      System.out.println("  click -> next question at the fake Slack: " + Stats.summary(latencies));
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
  private static Warm warmCore() throws Exception {
    Path warm = Path.of("target", "bench", "audit-embeddings.db");
    Path data = TestCore.tempDir("audit-bench-");
    CoachConfig config = TestCore.config(data);
    if (Files.exists(warm)) {
      Files.copy(warm, config.databaseFile());
    }
    Database database = CoachWiring.database(config);
    CoachCore core = CoachWiring.core(config, database);
    if (!Files.exists(warm)) {
      Files.createDirectories(warm.getParent());
      try (var connection = database.connection();
          var statement = connection.createStatement()) {
        statement.execute("VACUUM INTO '" + warm.toAbsolutePath() + "'");
      }
    }
    return new Warm(core, database);
  }

  private record Warm(CoachCore core, Database database) {}

  private static CoachConfig config(Database database, FakeSlack fake) {
    Map<String, String> env = new HashMap<>();
    env.put("COACH_DATA_DIR", database.file().getParent().toString());
    env.put("COACH_KNOWLEDGE_DIR", "knowledge");
    env.put("PORT", "0");
    env.put("SLACK_BOT_TOKEN", "xoxb-1-bench-token");
    env.put("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET);
    env.put("SLACK_API_URL", fake.apiUrl());
    return CoachConfig.fromEnvironment(env);
  }
}
