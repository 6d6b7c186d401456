package org.scalingcoach.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local language model API that speaks both the OpenAI chat completions protocol ({@code POST
 * /v1/chat/completions}, SSE when {@code stream} is true) and Anthropic's messages protocol ({@code
 * POST /v1/messages}, SSE), records every request, and replies as the test scripts it.
 */
public final class FakeLlmServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How to reply: an HTTP error status (200 for success), the text in the chunks it streams, the
   * pause before the first chunk and between chunks, and the token counts it reports.
   */
  public record Reply(
      int status,
      List<String> chunks,
      long firstChunkDelayMillis,
      long chunkDelayMillis,
      boolean stallAfterChunks) {

    public Reply(
        int status, List<String> chunks, long firstChunkDelayMillis, long chunkDelayMillis) {
      this(status, chunks, firstChunkDelayMillis, chunkDelayMillis, false);
    }

    public static Reply text(String... chunks) {
      return new Reply(200, List.of(chunks), 0, 0);
    }

    /**
     * Sends the headers and {@code chunks}, then nothing but SSE comment lines (which carry no
     * text) until the client hangs up: a provider that stalls mid-stream behind a keep-alive.
     */
    public static Reply stalled(String... chunks) {
      return new Reply(200, List.of(chunks), 0, 0, true);
    }

    /** The words of {@code text}, one chunk each, at a fixed rate. */
    public static Reply streamed(String text, long firstChunkDelayMillis, long chunkDelayMillis) {
      List<String> chunks = new ArrayList<>();
      for (String word : text.split("(?<= )")) {
        chunks.add(word);
      }
      return new Reply(200, chunks, firstChunkDelayMillis, chunkDelayMillis);
    }

    public static Reply error(int status) {
      return new Reply(status, List.of(), 0, 0);
    }

    public static Reply slow(long delayMillis, String text) {
      return new Reply(200, List.of(text), delayMillis, 0);
    }
  }

  /** One request as received, with the time it arrived and the time its reply was fully sent. */
  public record Recorded(
      String path,
      Map<String, List<String>> headers,
      JsonNode body,
      long receivedNanos,
      long finishedNanos) {

    /** The text of the system prompt, in either protocol. */
    public String system() {
      if (body.has("system")) {
        JsonNode system = body.get("system");
        if (system.isTextual()) {
          return system.asText();
        }
        StringBuilder text = new StringBuilder();
        system.forEach(part -> text.append(part.path("text").asText()));
        return text.toString();
      }
      for (JsonNode message : body.path("messages")) {
        if (message.path("role").asText().equals("system")) {
          return content(message);
        }
      }
      return "";
    }

    /** The text of the last user message, in either protocol. */
    public String user() {
      String last = "";
      for (JsonNode message : body.path("messages")) {
        if (message.path("role").asText().equals("user")) {
          last = content(message);
        }
      }
      return last;
    }

    private static String content(JsonNode message) {
      JsonNode content = message.path("content");
      if (content.isTextual()) {
        return content.asText();
      }
      StringBuilder text = new StringBuilder();
      content.forEach(part -> text.append(part.path("text").asText()));
      return text.toString();
    }
  }

  private final HttpServer server;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger arrived =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile Function<JsonNode, Reply> script = request -> Reply.text("");
  private volatile int inputTokens = 321;
  private volatile int outputTokens = 45;
  private final java.util.concurrent.atomic.AtomicInteger open =
      new java.util.concurrent.atomic.AtomicInteger();

  /** How long a stalled stream is kept up at most if the client never hangs up. */
  static final long STALL_LIMIT_MILLIS = 30_000;

  /** Pause between the comment lines of a stalled stream; also how soon a hang-up is noticed. */
  static final long STALL_PING_MILLIS = 50;

  public FakeLlmServer() {
    // Without it, Nagle's algorithm holds small SSE chunks back ~40 ms for a delayed ACK, which
    // a real provider's server does not do.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/v1/chat/completions", exchange -> handle(exchange, false));
    server.createContext("/v1/messages", exchange -> handle(exchange, true));
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** The base URL to configure, e.g. {@code http://127.0.0.1:1234/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public void reply(Reply reply) {
    this.script = request -> reply;
  }

  public void reply(Function<JsonNode, Reply> script) {
    this.script = script;
  }

  public void tokens(int input, int output) {
    this.inputTokens = input;
    this.outputTokens = output;
  }

  public List<Recorded> requests() {
    awaitSettled();
    return List.copyOf(requests);
  }

  /**
   * The most recent request. Like {@link #requests()} it first waits until every request that has
   * arrived is recorded: a client can read the whole reply a moment before the server files it.
   */
  public Recorded lastRequest() {
    awaitSettled();
    if (requests.isEmpty()) {
      throw new AssertionError("the model received no request");
    }
    return requests.get(requests.size() - 1);
  }

  /**
   * Replies still being sent. A stalled stream counts until the server notices that the client has
   * closed the connection (within about {@link #STALL_PING_MILLIS}).
   */
  public int openReplies() {
    return open.get();
  }

  private void awaitSettled() {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (requests.size() < arrived.get() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  private void handle(HttpExchange exchange, boolean anthropic) throws IOException {
    long received = System.nanoTime();
    arrived.incrementAndGet();
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    Reply reply = script.apply(body);
    open.incrementAndGet();
    try (exchange) {
      if (reply.status() != 200) {
        sendError(exchange, reply.status());
      } else {
        pause(reply.firstChunkDelayMillis());
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        if (reply.stallAfterChunks()) {
          stall(out, reply, anthropic, body.path("model").asText());
        } else if (anthropic) {
          streamAnthropic(out, reply);
        } else {
          streamOpenAi(out, reply, body.path("model").asText());
        }
      }
    } catch (IOException e) {
      // the client hung up (a cancelled stream); nothing more to send
    } finally {
      open.decrementAndGet();
      requests.add(
          new Recorded(
              exchange.getRequestURI().getPath(),
              Map.copyOf(exchange.getRequestHeaders()),
              body,
              received,
              System.nanoTime()));
    }
  }

  private void streamOpenAi(OutputStream out, Reply reply, String model) throws IOException {
    event(
        out,
        null,
        chunk(model, JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
    for (int i = 0; i < reply.chunks().size(); i++) {
      if (i > 0) {
        pause(reply.chunkDelayMillis());
      }
      event(
          out,
          null,
          chunk(model, JSON.createObjectNode().put("content", reply.chunks().get(i)), null));
    }
    event(out, null, chunk(model, JSON.createObjectNode(), "stop"));
    ObjectNode usage = JSON.createObjectNode();
    usage.put("id", "chatcmpl-fake").put("object", "chat.completion.chunk").put("model", model);
    usage.putArray("choices");
    usage
        .putObject("usage")
        .put("prompt_tokens", inputTokens)
        .put("completion_tokens", outputTokens)
        .put("total_tokens", inputTokens + outputTokens);
    event(out, null, usage.toString());
    event(out, null, "[DONE]");
  }

  private void stall(OutputStream out, Reply reply, boolean anthropic, String model)
      throws IOException {
    if (anthropic) {
      throw new UnsupportedOperationException("stalls are scripted for the OpenAI protocol");
    }
    event(
        out,
        null,
        chunk(model, JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
    for (String text : reply.chunks()) {
      event(out, null, chunk(model, JSON.createObjectNode().put("content", text), null));
    }
    long until = System.currentTimeMillis() + STALL_LIMIT_MILLIS;
    while (System.currentTimeMillis() < until) {
      pause(STALL_PING_MILLIS);
      // A comment line: no event for the client, but a write that fails once it has hung up.
      out.write(": waiting\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  private static String chunk(String model, ObjectNode delta, String finishReason) {
    ObjectNode chunk = JSON.createObjectNode();
    chunk.put("id", "chatcmpl-fake").put("object", "chat.completion.chunk").put("created", 1);
    chunk.put("model", model);
    ObjectNode choice = chunk.putArray("choices").addObject();
    choice.put("index", 0).set("delta", delta);
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return chunk.toString();
  }

  private void streamAnthropic(OutputStream out, Reply reply) throws IOException {
    ObjectNode start = JSON.createObjectNode().put("type", "message_start");
    ObjectNode message = start.putObject("message");
    message.put("id", "msg_fake").put("type", "message").put("role", "assistant");
    message.putArray("content");
    message.put("model", "claude-fake").putNull("stop_reason").putNull("stop_sequence");
    message.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", 1);
    event(out, "message_start", start.toString());
    ObjectNode blockStart =
        JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
    blockStart.putObject("content_block").put("type", "text").put("text", "");
    event(out, "content_block_start", blockStart.toString());
    for (int i = 0; i < reply.chunks().size(); i++) {
      if (i > 0) {
        pause(reply.chunkDelayMillis());
      }
      ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
      delta.putObject("delta").put("type", "text_delta").put("text", reply.chunks().get(i));
      event(out, "content_block_delta", delta.toString());
    }
    event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
    ObjectNode end = JSON.createObjectNode().put("type", "message_delta");
    end.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
    end.putObject("usage").put("output_tokens", outputTokens);
    event(out, "message_delta", end.toString());
    event(out, "message_stop", "{\"type\":\"message_stop\"}");
  }

  private static void event(OutputStream out, String name, String data) throws IOException {
    String event = (name == null ? "" : "event: " + name + "\n") + "data: " + data + "\n\n";
    out.write(event.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void sendError(HttpExchange exchange, int status) throws IOException {
    byte[] body =
        ("{\"error\":{\"message\":\"fake error " + status + "\",\"type\":\"server_error\"}}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
