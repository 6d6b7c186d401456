package org.scalingcoach.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.scalingcoach.slack.FakeSlack;
import org.scalingcoach.slack.SlackRequests;
import org.scalingcoach.teams.TeamsLoad;

/**
 * The coach beside the smallest Bolt for JavaScript app that replies to each mention, both against
 * the same local fake Slack and driven by the same client: distinct signed {@code app_mention}
 * events, a fixed number in flight, after a warm-up, alternating the two for several rounds. Prints
 * acknowledgement p50/p99, events per second and mention → answer p50/p95 for both, and the ratios.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.scalingcoach.bench.BoltJsSideBySide}. Needs {@code node} and {@code npm} on
 * the path (installs {@code @slack/bolt} into {@code target/bench/boltjs} once); without them it
 * measures the coach alone and says so. Options: {@code -Dbench.mentions=200 -Dbench.concurrency=8
 * -Dbench.warmup=50 -Dbench.rounds=3}; {@code -Dbench.baseline=DIR} also runs a coach from another
 * build's compiled classes (e.g. {@code git archive} of an older commit, {@code mvn compile}, its
 * {@code target/classes}) in the same alternation, for A/B figures from one run on a noisy machine.
 */
public final class BoltJsSideBySide {
  static final int MENTIONS = Integer.getInteger("bench.mentions", 200);
  static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
  static final int WARMUP = Integer.getInteger("bench.warmup", 3_000);
  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  private static final String TEAM = "TAUTH";
  private static final String CHANNEL = "C0BENCH";
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(4))
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final FakeSlack fake;
  private final TeamsLoad teamsLoad;
  private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final List<String> questions;

  private BoltJsSideBySide(FakeSlack fake, TeamsLoad teamsLoad, List<String> questions) {
    this.fake = fake;
    this.teamsLoad = teamsLoad;
    this.questions = questions;
    teamsLoad.onReply(this::answered);
    fake.listen(
        call -> {
          if (!call.method().equals("chat.postMessage")) {
            return;
          }
          String thread = call.param("thread_ts");
          if (thread != null) {
            answered(thread, call.receivedNanos());
          }
        });
  }

  /** One measured round against one endpoint. */
  record Round(
      List<Long> acks, List<Long> answers, double eventsPerSecond, int lost, double cpuPerEvent) {
    double ack(double percentile) {
      return Stats.percentile(millis(acks), percentile);
    }

    double answer(double percentile) {
      return Stats.percentile(millis(answers), percentile);
    }

    private static List<Double> millis(List<Long> nanos) {
      return nanos.stream().map(n -> n / 1e6).toList();
    }
  }

  public static void main(String[] args) throws Exception {
    List<String> questions = questions();
    try (FakeSlack fake = FakeSlack.start();
        TeamsLoad teams = new TeamsLoad()) {
      BoltJsSideBySide bench = new BoltJsSideBySide(fake, teams, questions);
      bench.run();
    } catch (Exception e) {
      // Under exec:java a dead main thread leaves the client's pool running: say why and stop.
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private void run() throws Exception {
    Path work = Path.of("target", "bench", "side-by-side");
    Files.createDirectories(work);
    System.out.printf(
        "Side-by-side: %d distinct signed @mentions (no question text repeats within 5,000"
            + " events), %d in flight, warm-up %d, %d rounds alternating; %d cores, load average"
            + " %s; this machine hashes 64 MB in %.0f ms%n",
        MENTIONS,
        CONCURRENCY,
        WARMUP,
        ROUNDS,
        Runtime.getRuntime().availableProcessors(),
        loadAverage(),
        MachineCheck.hashMillis());
    BoltJsApp bolt = BoltJsApp.startIfAvailable(fake.apiUrl(), SlackRequests.SIGNING_SECRET);
    Path data = Files.createTempDirectory(work, "coach-");
    // A first start fills the embedding cache, as the first start of a deployment does; the
    // measured start is a restart on that data folder.
    Map<String, String> env = new java.util.HashMap<>(teamsLoad.environment());
    env.put("SLACK_API_URL", fake.apiUrl());
    CoachProcess.start(work, data, env).close();
    CoachProcess coach = CoachProcess.start(work, data, env);
    double firstAnswer = firstAnswerMillis(coach);
    System.out.printf(
        "coach restart on a warm data folder: start → healthy %.0f ms, start → first answer %.0f ms"
            + " (target < 3 s)%n",
        coach.healthyAfterMillis(), firstAnswer);
    String baselineClasses = System.getProperty("bench.baseline");
    CoachProcess baseline = null;
    if (baselineClasses != null) {
      // The coach's warm data folder, copied: the baseline starts as warm, without embedding anew.
      Path baseData = Files.createTempDirectory(work, "baseline-");
      try (var files = Files.list(data)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Files.copy(file, baseData.resolve(file.getFileName()));
        }
      }
      baseline = CoachProcess.start(work, baseData, env, Path.of(baselineClasses));
      System.out.printf(
          "baseline restart on a warm data folder: start → healthy %.0f ms, start → first answer"
              + " %.0f ms%n",
          baseline.healthyAfterMillis(), firstAnswerMillis(baseline));
    }
    try {
      List<Round> boltRounds = new ArrayList<>();
      List<Round> coachRounds = new ArrayList<>();
      if (bolt != null) {
        round(slack(bolt.uri()), WARMUP, bolt.process().toHandle());
      }
      round(slack(coach.slackUri()), WARMUP, coach.handle());
      List<Round> baselineRounds = new ArrayList<>();
      if (baseline != null) {
        round(slack(baseline.slackUri()), WARMUP, baseline.handle());
      }
      for (int r = 0; r < ROUNDS; r++) {
        if (bolt != null) {
          boltRounds.add(round(slack(bolt.uri()), MENTIONS, bolt.process().toHandle()));
        }
        coachRounds.add(round(slack(coach.slackUri()), MENTIONS, coach.handle()));
        if (baseline != null) {
          baselineRounds.add(round(slack(baseline.slackUri()), MENTIONS, baseline.handle()));
        }
      }
      System.out.println();
      System.out.println(
          "| medians of "
              + ROUNDS
              + " rounds | ack p50 | ack p99 | events/s | mention → answer"
              + " p50 | p95 | unanswered | CPU per event |");
      System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
      if (bolt != null) {
        print("minimal Bolt-JS app (fixed reply)", boltRounds);
      }
      print("the coach (real retrieval)", coachRounds);
      if (baseline != null) {
        print("the baseline coach (" + baselineClasses + ")", baselineRounds);
        System.out.printf(
            "ratios coach / baseline: ack p50 %.2f, ack p99 %.2f, events/s %.2f, answer p95 %.2f,"
                + " CPU per event %.2f%n",
            median(coachRounds, rr -> rr.ack(50)) / median(baselineRounds, rr -> rr.ack(50)),
            median(coachRounds, rr -> rr.ack(99)) / median(baselineRounds, rr -> rr.ack(99)),
            median(coachRounds, Round::eventsPerSecond)
                / median(baselineRounds, Round::eventsPerSecond),
            median(coachRounds, rr -> rr.answer(95)) / median(baselineRounds, rr -> rr.answer(95)),
            median(coachRounds, Round::cpuPerEvent) / median(baselineRounds, Round::cpuPerEvent));
      }
      if (bolt != null) {
        System.out.printf(
            "ratios coach / Bolt-JS: ack p99 %.2f (≤ 1 is the target), events/s %.2f (≥ 1 is the"
                + " target), answer p95 %.2f, CPU per event %.2f%n",
            median(coachRounds, rr -> rr.ack(99)) / median(boltRounds, rr -> rr.ack(99)),
            median(coachRounds, Round::eventsPerSecond)
                / median(boltRounds, Round::eventsPerSecond),
            median(coachRounds, rr -> rr.answer(95)) / median(boltRounds, rr -> rr.answer(95)),
            median(coachRounds, Round::cpuPerEvent) / median(boltRounds, Round::cpuPerEvent));
      } else {
        System.out.println(
            "Bolt-JS skipped: node and npm are needed on the PATH (and the npm registry) to run"
                + " the peer; the coach's figures above stand alone.");
      }
      round(teams(coach.uri("/api/messages")), WARMUP, coach.handle());
      if (baseline != null) {
        round(teams(baseline.uri("/api/messages")), WARMUP, baseline.handle());
      }
      List<Round> teamsRounds = new ArrayList<>();
      List<Round> baselineTeamsRounds = new ArrayList<>();
      for (int r = 0; r < ROUNDS; r++) {
        teamsRounds.add(round(teams(coach.uri("/api/messages")), MENTIONS, coach.handle()));
        if (baseline != null) {
          baselineTeamsRounds.add(
              round(teams(baseline.uri("/api/messages")), MENTIONS, baseline.handle()));
        }
      }
      System.out.println();
      System.out.println(
          "| Teams, medians of "
              + ROUNDS
              + " rounds | ack p50 | ack p99 | activities/s | activity"
              + " → reply p50 | p95 | unanswered | CPU per activity |");
      System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
      print("the coach's /api/messages (personal chat)", teamsRounds);
      if (baseline != null) {
        print("the baseline coach's /api/messages", baselineTeamsRounds);
        System.out.printf(
            "ratios coach / baseline (Teams): ack p50 %.2f, ack p99 %.2f, activities/s %.2f,"
                + " reply p95 %.2f, CPU per activity %.2f%n",
            median(teamsRounds, rr -> rr.ack(50)) / median(baselineTeamsRounds, rr -> rr.ack(50)),
            median(teamsRounds, rr -> rr.ack(99)) / median(baselineTeamsRounds, rr -> rr.ack(99)),
            median(teamsRounds, Round::eventsPerSecond)
                / median(baselineTeamsRounds, Round::eventsPerSecond),
            median(teamsRounds, rr -> rr.answer(95))
                / median(baselineTeamsRounds, rr -> rr.answer(95)),
            median(teamsRounds, Round::cpuPerEvent)
                / median(baselineTeamsRounds, Round::cpuPerEvent));
      }
      System.out.printf(
          "coach RSS after the load: %d MB (target < 400 MB)%n", coach.rssMegabytes());
      if (baseline != null) {
        System.out.printf("baseline RSS after the load: %d MB%n", baseline.rssMegabytes());
      }
    } finally {
      coach.close();
      if (baseline != null) {
        baseline.close();
      }
      if (bolt != null) {
        bolt.close();
      }
    }
  }

  private static void print(String name, List<Round> rounds) {
    System.out.printf(
        "| %s | %.1f ms | %.1f ms | %.0f | %.0f ms | %.0f ms | %d | %.1f ms |%n",
        name,
        median(rounds, r -> r.ack(50)),
        median(rounds, r -> r.ack(99)),
        median(rounds, Round::eventsPerSecond),
        median(rounds, r -> r.answer(50)),
        median(rounds, r -> r.answer(95)),
        rounds.stream().mapToInt(Round::lost).sum(),
        median(rounds, Round::cpuPerEvent));
  }

  private static double median(
      List<Round> rounds, java.util.function.ToDoubleFunction<Round> figure) {
    double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
    return values.length == 0 ? Double.NaN : values[values.length / 2];
  }

  private double firstAnswerMillis(CoachProcess coach) throws Exception {
    String ts = nextTs();
    CountDownLatch latch = new CountDownLatch(1);
    waiting.put(ts, latch);
    send(signed(coach.slackUri(), mention(ts)));
    if (!latch.await(ANSWER_WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("the coach did not answer its first mention");
    }
    return (answeredAt.get(ts) - coach.startedNanos()) / 1e6;
  }

  /** Builds the request that delivers one distinct message, named by its key. */
  interface Target {
    HttpRequest request(String key);
  }

  private Target slack(URI uri) {
    return ts -> signed(uri, mention(ts));
  }

  private Target teams(URI uri) {
    return id ->
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Authorization", teamsLoad.bearer())
            .POST(HttpRequest.BodyPublishers.ofString(teamsLoad.message(id, question())))
            .build();
  }

  /**
   * Sends {@code count} distinct messages, {@link #CONCURRENCY} at a time, and waits for their
   * answers.
   */
  Round round(Target target, int count, ProcessHandle app) throws Exception {
    Duration cpuBefore = cpu(app);
    List<Long> acks = Collections.synchronizedList(new ArrayList<>(count));
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    CountDownLatch answered = new CountDownLatch(count);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    long start = System.nanoTime();
    for (int w = 0; w < CONCURRENCY; w++) {
      pool.submit(
          () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
              String key = nextTs();
              waiting.put(key, answered);
              HttpRequest request = target.request(key);
              long sent = System.nanoTime();
              sentAt.put(key, sent);
              int status = send(request);
              acks.add(System.nanoTime() - sent);
              if (status < 200 || status > 299) {
                failed.incrementAndGet();
              }
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    answered.await(ANSWER_WAIT.toSeconds(), TimeUnit.SECONDS);
    if (failed.get() > 0) {
      System.err.println(failed.get() + " requests were not acknowledged with a 2xx");
    }
    List<Long> answers = new ArrayList<>();
    int lost = 0;
    for (Map.Entry<String, Long> sent : sentAt.entrySet()) {
      Long at = answeredAt.get(sent.getKey());
      if (at == null) {
        lost++;
      } else {
        answers.add(at - sent.getValue());
      }
      waiting.remove(sent.getKey());
    }
    double cpuPerEvent = cpu(app).minus(cpuBefore).toNanos() / 1e6 / count;
    return new Round(acks, answers, count / seconds, lost, cpuPerEvent);
  }

  /**
   * The processor time {@code app} has used so far: what an event costs it, whatever else the
   * machine runs at the same time.
   */
  /** The processor time {@code app} has used so far (zero where the system does not say). */
  static Duration cpu(ProcessHandle app) {
    return app.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private void answered(String key, long nanos) {
    if (answeredAt.putIfAbsent(key, nanos) == null) {
      CountDownLatch latch = waiting.get(key);
      if (latch != null) {
        latch.countDown();
      }
    }
  }

  private String nextTs() {
    return "1900000000." + String.format("%06d", sequence.incrementAndGet());
  }

  /**
   * The question of the current event: one of the labelled questions, worded a little differently
   * each time (an opener and a closing remark), so that thousands of events in a run are distinct
   * texts. Employees rarely send the exact same text twice, and the coach keeps the vectors of
   * recent questions: a repeated text would measure that cache instead of the answer.
   */
  private String question() {
    int n = sequence.get();
    int variant = n / questions.size();
    return OPENERS.get(variant % OPENERS.size())
        + questions.get(n % questions.size())
        + CLOSINGS.get((variant / OPENERS.size()) % CLOSINGS.size());
  }

  private static final List<String> OPENERS =
      List.of(
          "",
          "Quick question: ",
          "Hi! ",
          "Hey coach, ",
          "Our team is wondering: ",
          "Sorry to bother you, ",
          "Question from finance: ",
          "Honest question: ");

  private static final List<String> CLOSINGS =
      List.of(
          "",
          " Thanks!",
          " Any advice?",
          " We are a team of about forty.",
          " (asking for my manager)",
          " Keen to hear your view.");

  private String mention(String ts) {
    int n = sequence.get();
    String question = question();
    return SlackRequests.envelope(
        TEAM,
        "EvSide" + ts.replace(".", ""),
        SlackRequests.appMention(
            TEAM,
            CHANNEL,
            "U0ASK" + (n % 50),
            ts,
            null,
            "<@" + FakeSlack.BOT_USER + "> " + question));
  }

  private static HttpRequest signed(URI uri, String body) {
    long timestamp = Instant.now().getEpochSecond();
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
        .header(
            "X-Slack-Signature",
            SlackRequests.signature(SlackRequests.SIGNING_SECRET, timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private int send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static List<String> questions() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("src/test/resources/eval/questions.tsv"));
    List<String> questions = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] columns = line.split("\t");
      if (columns.length >= 2 && !columns[0].equals("out-of-scope")) {
        questions.add(columns[1]);
      }
    }
    return questions;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The smallest Bolt-JS app that answers each mention in its thread, as a child process. */
  record BoltJsApp(Process process, URI uri) implements AutoCloseable {
    private static final String APP =
        """
        const { App, LogLevel } = require('@slack/bolt');
        const app = new App({
          token: process.env.SLACK_BOT_TOKEN,
          signingSecret: process.env.SLACK_SIGNING_SECRET,
          logLevel: LogLevel.ERROR,
          clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
        });
        app.event('app_mention', async ({ event, say }) => {
          await say({ text: 'Thanks for the mention!', thread_ts: event.ts });
        });
        (async () => {
          await app.start(Number(process.env.PORT));
          console.log('listening');
        })();
        """;

    static BoltJsApp startIfAvailable(String apiUrl, String secret) throws Exception {
      if (!onPath("node") || !onPath("npm")) {
        return null;
      }
      Path dir = Path.of("target", "bench", "boltjs").toAbsolutePath();
      Files.createDirectories(dir);
      if (!Files.isDirectory(dir.resolve("node_modules/@slack/bolt"))) {
        System.out.println("installing @slack/bolt with npm into " + dir + " …");
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"bolt-peer\",\"private\":true}");
        Process install =
            new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "@slack/bolt@5")
                .directory(dir.toFile())
                .inheritIO()
                .start();
        if (install.waitFor() != 0) {
          System.out.println("npm install @slack/bolt failed; Bolt-JS is skipped");
          return null;
        }
      }
      Files.writeString(dir.resolve("app.js"), APP);
      int port = freePort();
      ProcessBuilder builder =
          new ProcessBuilder("node", "app.js").directory(dir.toFile()).redirectErrorStream(true);
      builder.environment().put("SLACK_BOT_TOKEN", "xoxb-bench");
      builder.environment().put("SLACK_SIGNING_SECRET", secret);
      builder.environment().put("SLACK_API_URL", apiUrl);
      builder.environment().put("PORT", Integer.toString(port));
      Process process = builder.start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.contains("listening")) {
        System.out.println("bolt-js: " + line);
      }
      if (line == null) {
        throw new IllegalStateException("the Bolt-JS app exited before listening");
      }
      Thread drain =
          new Thread(
              () -> {
                try {
                  while (out.readLine() != null) {
                    // keep the pipe empty
                  }
                } catch (IOException ignored) {
                  // the process ended
                }
              });
      drain.setDaemon(true);
      drain.start();
      String version =
          Files.readString(dir.resolve("node_modules/@slack/bolt/package.json"))
              .replaceAll("(?s).*?\"version\"\\s*:\\s*\"([^\"]+)\".*", "$1");
      System.out.println("Bolt-JS peer: @slack/bolt " + version + " on node, port " + port);
      return new BoltJsApp(process, URI.create("http://127.0.0.1:" + port + "/slack/events"));
    }

    private static boolean onPath(String command) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
        if (Files.isExecutable(Path.of(dir, command))) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void close() {
      process.destroy();
    }
  }
}
