package org.scalingcoach.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.scalingcoach.CoachCore;
import org.scalingcoach.TestCore;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.slack.FakeSlack;
import org.scalingcoach.slack.SlackRequests;
import org.scalingcoach.web.CoachServer;

/**
 * How fast the Slack endpoint acknowledges signed events, beside a plain Jetty servlet that only
 * reads the body and returns 200 (the ceiling), and how long a mention takes to become a
 * chat.postMessage at the fake Slack.
 */
public final class SlackAckBenchmark {
  private static final int CONCURRENCY = 16;
  private static final int WARMUP = 2_000;
  private static final int REQUESTS = 8_000;
  private static final int MENTIONS = Integer.getInteger("bench.mentions", 100);
  private static final int PACE_MS = Integer.getInteger("bench.paceMs", 100);
  private static final String SECRET = SlackRequests.SIGNING_SECRET;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(4))
          .build();

  public static void main(String[] args) throws Exception {
    new SlackAckBenchmark().run();
    System.exit(0);
  }

  private void run() throws Exception {
    CoachCore core = TestCore.shared();
    try (FakeSlack fake = FakeSlack.start();
        CoachServer coach = CoachServer.start(config(core, fake), core, TestCore.database())) {
      Server plain = plainJetty();
      try {
        URI coachUri = URI.create("http://127.0.0.1:" + coach.port() + "/slack/events");
        URI plainUri =
            URI.create(
                "http://127.0.0.1:"
                    + ((ServerConnector) plain.getConnectors()[0]).getLocalPort()
                    + "/slack/events");
        System.out.printf(
            "Slack ack benchmark: %d signed event requests at concurrency %d on loopback (%d"
                + " cores)%n",
            REQUESTS, CONCURRENCY, Runtime.getRuntime().availableProcessors());
        load(plainUri, WARMUP, this::channelMessage);
        load(coachUri, WARMUP, this::channelMessage);
        Result ceiling = load(plainUri, REQUESTS, this::channelMessage);
        Result acks = load(coachUri, REQUESTS, this::channelMessage);
        print("plain Jetty 200 (ceiling)", ceiling);
        print("coach /slack/events ack", acks);
        System.out.printf(
            "  throughput ratio coach / ceiling: %.0f%% (target >= 50%%)%n",
            100.0 * acks.throughput() / ceiling.throughput());
        answerLatency(coachUri, fake);
      } finally {
        plain.stop();
      }
    }
  }

  private static CoachConfig config(CoachCore core, FakeSlack fake) {
    Map<String, String> env = new HashMap<>();
    env.put("COACH_DATA_DIR", TestCore.database().file().getParent().toString());
    env.put("PORT", "0");
    env.put("SLACK_BOT_TOKEN", "xoxb-bench");
    env.put("SLACK_SIGNING_SECRET", SECRET);
    env.put("SLACK_API_URL", fake.apiUrl());
    return CoachConfig.fromEnvironment(env);
  }

  private static Server plainJetty() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(
        new ServletHolder(
            new HttpServlet() {
              @Override
              protected void doPost(HttpServletRequest request, HttpServletResponse response)
                  throws IOException {
                request.getInputStream().readAllBytes();
                response.setStatus(200);
              }
            }),
        "/slack/events");
    server.setHandler(context);
    server.start();
    return server;
  }

  private final AtomicInteger sequence = new AtomicInteger();

  /** Channel chatter: the bulk of what a bot subscribed to message.channels receives. */
  private String channelMessage(int i) {
    int n = sequence.incrementAndGet();
    String ts = "1900000000." + String.format("%06d", n);
    return SlackRequests.envelope(
        "TBENCH",
        "EvBench" + n,
        SlackRequests.message("TBENCH", "C0BENCH", "channel", "U0ADA", ts, null, "lunch at noon?"));
  }

  private Result load(URI uri, int total, IntFunction<String> bodies) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>(total));
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < CONCURRENCY; w++) {
      workers.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                  String body = bodies.apply(i);
                  long sent = System.nanoTime();
                  int status = send(uri, body).statusCode();
                  latencies.add(System.nanoTime() - sent);
                  if (status != 200) {
                    failures.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    long elapsed = System.nanoTime() - start;
    pool.shutdown();
    return new Result(new ArrayList<>(latencies), elapsed, failures.get());
  }

  private HttpResponse<String> send(URI uri, String body) throws Exception {
    long now = Instant.now().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-Slack-Request-Timestamp", Long.toString(now))
            .header("X-Slack-Signature", SlackRequests.signature(SECRET, now, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Mentions at a steady pace: from the request leaving to chat.postMessage reaching Slack. */
  private void answerLatency(URI uri, FakeSlack fake) throws Exception {
    String[] questions = {
      "How do we detect model drift?",
      "What should we check in our data before scaling?",
      "How do we get employees to actually use the AI tool?",
      "What costs do teams forget when they move AI to production?"
    };
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<Long> acks = new ArrayList<>();
    for (int i = 0; i < MENTIONS; i++) {
      String ts = "1950000000." + String.format("%06d", i);
      String body =
          SlackRequests.envelope(
              "TBENCH",
              "EvMention" + i,
              SlackRequests.appMention(
                  "TBENCH",
                  "C0BENCH",
                  "U0ADA",
                  ts,
                  null,
                  "<@" + FakeSlack.BOT_USER + "> " + questions[i % questions.length]));
      long sent = System.nanoTime();
      sentAt.put(ts, sent);
      send(uri, body);
      acks.add(System.nanoTime() - sent);
      Thread.sleep(PACE_MS);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (fake.calls("chat.postMessage").size() < MENTIONS && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    List<Long> toAnswer = new ArrayList<>();
    for (FakeSlack.Call call : fake.calls("chat.postMessage")) {
      Long sent = sentAt.get(call.param("thread_ts"));
      if (sent != null) {
        toAnswer.add(call.receivedNanos() - sent);
      }
    }
    Collections.sort(acks);
    Collections.sort(toAnswer);
    System.out.printf(
        "mention -> chat.postMessage (%d mentions, one every %d ms, extractive answers):%n",
        MENTIONS, PACE_MS);
    System.out.printf(
        "  ack p50 %.2f ms, p99 %.2f ms; answer p50 %.1f ms, p95 %.1f ms, p99 %.1f ms"
            + " (target p95 < 300 ms); %d of %d answered%n",
        ms(percentile(acks, 50)),
        ms(percentile(acks, 99)),
        ms(percentile(toAnswer, 50)),
        ms(percentile(toAnswer, 95)),
        ms(percentile(toAnswer, 99)),
        toAnswer.size(),
        MENTIONS);
  }

  private record Result(List<Long> latencies, long elapsedNanos, int failures) {
    double throughput() {
      return latencies.size() / (elapsedNanos / 1e9);
    }
  }

  private static void print(String name, Result result) {
    List<Long> sorted = new ArrayList<>(result.latencies());
    Collections.sort(sorted);
    System.out.printf(
        "  %-28s p50 %.2f ms, p99 %.2f ms, %,.0f requests/s, %d non-200%n",
        name,
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 99)),
        result.throughput(),
        result.failures());
  }

  private static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
