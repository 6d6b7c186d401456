package org.scalingcoach.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for Slack's Web API and response URLs that records every call. It answers {@code
 * auth.test} as a bot, {@code chat.postMessage} and {@code chat.startStream} with a channel and
 * timestamp, everything else with {@code ok: true}, unless a test scripts the next answer of a
 * method. It keeps the text of each native stream ({@code chat.startStream}, {@code
 * chat.appendStream}, {@code chat.stopStream}) as Slack would show it.
 */
public final class FakeSlack implements AutoCloseable {
  public static final String BOT_USER = "UCOACHBOT";
  public static final String BOT_ID = "BCOACHBOT";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Recorded with each {@code chat.postMessage}: the {@code ts} the fake answered. */
  public static final String POSTED_TS = "posted_ts";

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Scripted>> scripted = new HashMap<>();
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong files = new AtomicLong();
  private final List<java.util.function.Consumer<Call>> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, StringBuilder> streams = new java.util.concurrent.ConcurrentHashMap<>();

  /** One request the fake received: a Web API method or {@code response_url}, with its fields. */
  public record Call(String method, Map<String, String> params, long receivedNanos) {
    public String param(String name) {
      return params.get(name);
    }

    public JsonNode json(String name) {
      try {
        return JSON.readTree(params.get(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private record Scripted(int status, Map<String, String> headers, String body) {}

  /** A message the coach posted, so {@code conversations.replies} can show it in its thread. */
  private record Posted(String channel, String threadTs, String ts, String metadata) {

    /** The message as conversations.history and .replies list it. */
    void addTo(com.fasterxml.jackson.databind.node.ArrayNode messages, Map<String, String> params)
        throws IOException {
      ObjectNode message =
          messages.addObject().put("ts", ts).put("bot_id", BOT_ID).put("user", BOT_USER);
      String all = params.getOrDefault("include_all_metadata", "");
      if (metadata != null && (all.equals("true") || all.equals("1"))) {
        message.set("metadata", JSON.readTree(metadata));
      }
    }
  }

  private final List<Posted> posted = new CopyOnWriteArrayList<>();

  private FakeSlack(HttpServer server) {
    this.server = server;
  }

  public static FakeSlack start() {
    try {
      // Without it the JDK server leaves Nagle's algorithm on: a reply written in two parts waits
      // ~40 ms for the client's delayed ACK, which Slack's and Microsoft's servers do not make
      // anyone do.
      if (System.getProperty("sun.net.httpserver.nodelay") == null) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
      }
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      FakeSlack fake = new FakeSlack(server);
      server.createContext("/api/", fake::api);
      server.createContext("/respond/", fake::respond);
      server.createContext("/upload/", fake::upload);
      server.setExecutor(Executors.newFixedThreadPool(8));
      server.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  public String responseUrl(String id) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + id;
  }

  /** Status for {@link #scriptNext}: the connection is dropped without an answer. */
  public static final int DROP_CONNECTION = 0;

  /**
   * The next call of {@code method} ({@code upload} for the upload step) gets this answer instead
   * of the default one.
   */
  public synchronized void scriptNext(
      String method, int status, Map<String, String> headers, String body) {
    scripted
        .computeIfAbsent(method, m -> new ArrayDeque<>())
        .add(new Scripted(status, headers, body));
  }

  /** Calls {@code listener} with every request as it arrives, for benchmarks that wait on them. */
  public void listen(java.util.function.Consumer<Call> listener) {
    listeners.add(listener);
  }

  /** The Markdown a native stream shows so far (or in the end), by the stream's message ts. */
  public String streamedText(String ts) {
    StringBuilder text = streams.get(ts);
    return text == null ? null : text.toString();
  }

  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  private void api(HttpExchange exchange) throws IOException {
    long received = System.nanoTime();
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    Map<String, String> params = params(exchange);
    if (method.equals("chat.postMessage")) {
      // Recorded with the call, so a test can act on the message the coach posted.
      params.put(POSTED_TS, "1800000000." + String.format("%06d", messages.incrementAndGet()));
    }
    Call call = new Call(method, params, received);
    calls.add(call);
    listeners.forEach(l -> l.accept(call));
    Scripted next = next(method);
    if (next != null) {
      answerScripted(exchange, next);
      return;
    }
    ObjectNode body = JSON.createObjectNode().put("ok", true);
    switch (method) {
      case "auth.test" ->
          body.put("url", "https://coach-test.slack.com/")
              .put("team", "Coach Test")
              .put("user", "scaling-coach")
              .put("team_id", "TAUTH")
              .put("user_id", BOT_USER)
              .put("bot_id", BOT_ID);
      case "chat.postMessage" -> {
        String channel = params.getOrDefault("channel", "");
        if (channel.startsWith("U")) {
          channel = "D" + channel.substring(1); // posting to a user lands in the app's DM
        }
        String ts = params.get(POSTED_TS);
        posted.add(new Posted(channel, params.get("thread_ts"), ts, params.get("metadata")));
        body.put("channel", channel).put("ts", ts);
        body.putObject("message").put("ts", ts).put("text", params.getOrDefault("text", ""));
      }
      case "conversations.replies" -> {
        var thread = body.putArray("messages");
        for (Posted message : posted) {
          if (message.channel().equals(params.get("channel"))
              && params.get("ts") != null
              && params.get("ts").equals(message.threadTs())) {
            message.addTo(thread, params);
          }
        }
      }
      case "conversations.history" -> {
        var history = body.putArray("messages");
        String oldest = params.getOrDefault("oldest", "");
        for (Posted message : posted) {
          if (message.channel().equals(params.get("channel"))
              && message.ts().compareTo(oldest) > 0) {
            message.addTo(history, params);
          }
        }
      }
      case "chat.startStream" -> {
        String ts = "1800000000." + String.format("%06d", messages.incrementAndGet());
        String channel = params.getOrDefault("channel", "");
        streams.put(ts, new StringBuilder(params.getOrDefault("markdown_text", "")));
        posted.add(new Posted(channel, params.get("thread_ts"), ts, null));
        body.put("channel", channel).put("ts", ts);
      }
      case "conversations.open" -> {
        String user = params.getOrDefault("users", "");
        body.putObject("channel").put("id", "D" + user.substring(Math.min(1, user.length())));
      }
      case "chat.appendStream", "chat.stopStream" -> {
        StringBuilder text = streams.get(params.getOrDefault("ts", ""));
        if (text == null) {
          body.put("ok", false).put("error", "message_not_found");
        } else {
          text.append(params.getOrDefault("markdown_text", ""));
        }
      }
      case "files.getUploadURLExternal" -> {
        String fileId = "F" + files.incrementAndGet();
        body.put("file_id", fileId)
            .put(
                "upload_url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/upload/" + fileId);
      }
      default -> {}
    }
    send(exchange, 200, Map.of(), body.toString());
  }

  /** Receives file bytes posted to an upload URL, recording their size. */
  private void upload(HttpExchange exchange) throws IOException {
    long received = System.nanoTime();
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("path", exchange.getRequestURI().getPath());
    params.put("bytes", String.valueOf(bytes.length));
    calls.add(new Call("upload", params, received));
    Scripted next = next("upload");
    if (next != null) {
      answerScripted(exchange, next);
      return;
    }
    send(exchange, 200, Map.of(), "OK - " + bytes.length);
  }

  private void respond(HttpExchange exchange) throws IOException {
    long received = System.nanoTime();
    Map<String, String> params = params(exchange);
    params.put("path", exchange.getRequestURI().getPath());
    calls.add(new Call("response_url", params, received));
    Scripted next = next("response_url");
    if (next != null) {
      send(exchange, next.status(), next.headers(), next.body());
      return;
    }
    send(exchange, 200, Map.of(), "ok");
  }

  private static void answerScripted(HttpExchange exchange, Scripted next) throws IOException {
    if (next.status() == DROP_CONNECTION) {
      exchange.getResponseBody().close(); // closing before any headers resets the connection
      exchange.close();
      return;
    }
    send(exchange, next.status(), next.headers(), next.body());
  }

  private synchronized Scripted next(String method) {
    Deque<Scripted> queue = scripted.get(method);
    return queue == null ? null : queue.poll();
  }

  private static Map<String, String> params(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    Map<String, String> params = new LinkedHashMap<>();
    if (type != null && type.startsWith("application/json")) {
      JsonNode node = JSON.readTree(body);
      node.fields()
          .forEachRemaining(
              e ->
                  params.put(
                      e.getKey(),
                      e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    } else if (!body.isEmpty()) {
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.put(key, value);
      }
    }
    return params;
  }

  private static void send(
      HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
      exchange
          .getResponseHeaders()
          .add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
