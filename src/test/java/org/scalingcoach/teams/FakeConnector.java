package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Bot Connector service and the Entra token endpoint: records every
 * activity the bot sends, every conversation it opens and every token it asks for, and can be told
 * to throttle or fail.
 */
final class FakeConnector implements AutoCloseable {
  static final String TOKEN = "eyJ0eXAi.fake-bot-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One call the bot made to the Connector, when the Connector took it and the id it gave. */
  record Call(
      String method,
      String path,
      String authorization,
      JsonNode body,
      Instant receivedAt,
      String id) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<String> tokenForms = new CopyOnWriteArrayList<>();
  private final Deque<Integer> scriptedStatuses = new ArrayDeque<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final List<java.util.function.Consumer<Call>> listeners = new CopyOnWriteArrayList<>();
  volatile long tokenLifetimeSeconds = 3599;
  volatile String retryAfter;

  /** How long an accepted activity's answer is held back, as on a slow round trip; or zero. */
  private final java.time.Duration answerDelay;

  private FakeConnector(java.time.Duration answerDelay) throws IOException {
    this.answerDelay = answerDelay;
    // Without it the JDK server leaves Nagle's algorithm on: a reply written in two parts waits
    // ~40 ms for the client's delayed ACK, which Slack's and Microsoft's servers do not make anyone
    // do.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/botframework.com/oauth2/v2.0/token",
        exchange -> {
          tokenForms.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          send(
              exchange,
              200,
              "{\"token_type\":\"Bearer\",\"expires_in\":"
                  + tokenLifetimeSeconds
                  + ",\"ext_expires_in\":"
                  + tokenLifetimeSeconds
                  + ",\"access_token\":\""
                  + TOKEN
                  + "\"}");
        });
    server.createContext("/amer/v3/conversations/", this::activity);
    server.createContext(
        "/amer/v3/conversations",
        exchange -> {
          String id = "a:created-personal-" + ids.incrementAndGet();
          calls.add(
              new Call(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  JSON.readTree(exchange.getRequestBody().readAllBytes()),
                  Instant.now(),
                  id));
          send(exchange, 201, "{\"id\":\"" + id + "\"}");
        });
    if (!answerDelay.isZero()) {
      server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    }
    server.start();
  }

  static FakeConnector start() {
    return start(java.time.Duration.ZERO);
  }

  /**
   * A Connector that takes each activity at once but answers only {@code answerDelay} later, so a
   * kill often falls between the two: the reply is in the chat and the bot never heard its id.
   */
  static FakeConnector start(java.time.Duration answerDelay) {
    try {
      return new FakeConnector(answerDelay);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Connector's base URL, shaped like Teams' {@code https://smba.trafficmanager.net/amer/}. */
  String serviceUrl() {
    return base() + "/amer/";
  }

  URI tokenUrl() {
    return URI.create(base() + "/botframework.com/oauth2/v2.0/token");
  }

  /** The next calls to the Connector answer these statuses, in order, before answering 200. */
  void script(Integer... statuses) {
    synchronized (scriptedStatuses) {
      scriptedStatuses.addAll(List.of(statuses));
    }
  }

  /** Calls the Connector accepted (2xx). */
  List<Call> delivered() {
    return new ArrayList<>(calls);
  }

  /** Calls {@code listener} with every accepted activity call as it arrives, for benchmarks. */
  void listen(java.util.function.Consumer<Call> listener) {
    listeners.add(listener);
  }

  List<String> tokenRequests() {
    return new ArrayList<>(tokenForms);
  }

  private void activity(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Integer status;
    synchronized (scriptedStatuses) {
      status = scriptedStatuses.poll();
    }
    if (status != null && status != 200) {
      if (retryAfter != null) {
        exchange.getResponseHeaders().set("Retry-After", retryAfter);
      }
      send(exchange, status, "{\"error\":{\"code\":\"Throttled\",\"message\":\"slow down\"}}");
      return;
    }
    String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
    String id = "1:reply-" + ids.incrementAndGet();
    Call call =
        new Call(
            exchange.getRequestMethod(),
            path,
            exchange.getRequestHeaders().getFirst("Authorization"),
            JSON.readTree(body),
            Instant.now(),
            id);
    calls.add(call);
    listeners.forEach(l -> l.accept(call));
    if (!answerDelay.isZero()) {
      try {
        Thread.sleep(answerDelay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    send(exchange, 200, "{\"id\":\"" + id + "\"}");
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code exchange} with a JSON {@code body}; the other fakes of this package too. */
  static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    if (server.getExecutor() instanceof java.util.concurrent.ExecutorService pool) {
      pool.shutdownNow();
    }
  }
}
