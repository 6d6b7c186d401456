package org.scalingcoach.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.response.AckResponse;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Socket Mode transport: each envelope goes through the same {@link SlackInbox} door as an
 * HTTP request, so it is stored before it is acknowledged. An envelope the full inbox refuses is
 * not acknowledged at all, which makes Slack deliver it again, as a 503 does over HTTP.
 */
final class SlackSocket implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackSocket.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int THREADS = 4;

  private final SocketModeClient client;
  private final ExecutorService executor;

  private SlackSocket(SocketModeClient client, ExecutorService executor) {
    this.client = client;
    this.executor = executor;
  }

  /** Opens the WebSocket (Java-WebSocket, the client on our classpath) and starts taking work. */
  static SlackSocket connect(Slack slack, String appToken, App app, SlackInbox inbox)
      throws IOException {
    AtomicInteger count = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            task -> {
              Thread thread = new Thread(task, "socket-mode-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    SocketModeClient client = slack.socketMode(appToken, SocketModeClient.Backend.JavaWebSocket);
    SocketModeRequestParser parser = new SocketModeRequestParser(app.config());
    client.addWebSocketMessageListener(
        message -> executor.execute(() -> receive(client, parser, inbox, message)));
    client.connect();
    client.setAutoReconnectEnabled(true);
    return new SlackSocket(client, executor);
  }

  private static void receive(
      SocketModeClient client, SocketModeRequestParser parser, SlackInbox inbox, String message) {
    SocketModeRequest request = parser.parse(message);
    if (request == null) {
      return; // hello, disconnect warnings: the client handles those itself
    }
    String envelope = request.getEnvelope().getEnvelopeId();
    try {
      Response response = inbox.receive(request.getBoltRequest());
      if (response.getStatusCode() == 503) {
        log.warn("inbox full: Socket Mode envelope {} left for Slack to deliver again", envelope);
        return;
      }
      acknowledge(client, envelope, response);
    } catch (Exception e) {
      log.error("could not take Socket Mode envelope {}", envelope, e);
    }
  }

  /** Acknowledges the envelope, with the response body as its payload when there is one. */
  private static void acknowledge(SocketModeClient client, String envelope, Response response)
      throws IOException {
    String body = response.getBody();
    if (body == null || body.isEmpty()) {
      client.sendSocketModeResponse(new AckResponse(envelope));
      return;
    }
    ObjectNode ack = JSON.createObjectNode().put("envelope_id", envelope);
    String type = response.getContentType();
    if (type != null && type.startsWith("application/json")) {
      ack.set("payload", JSON.readTree(body));
    } else {
      ack.putObject("payload").put("text", body);
    }
    client.sendSocketModeResponse(ack.toString());
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      log.warn("closing the Socket Mode connection failed", e);
    }
    executor.shutdownNow();
  }
}
