package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.scalingcoach.CoachCore;
import org.scalingcoach.TestCore;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.config.SlackSettings;
import org.scalingcoach.web.CoachServer;

/** Socket Mode end to end: a local WebSocket stands in for Slack's and delivers a mention. */
class SlackSocketModeTest {
  private final CoachCore core = TestCore.shared();

  /** Slack's side of a Socket Mode connection: says hello, delivers envelopes, records acks. */
  private static final class FakeSocket extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);
    final List<WebSocket> clients = new CopyOnWriteArrayList<>();
    final List<String> received = new CopyOnWriteArrayList<>();

    FakeSocket() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      conn.send(
          "{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A0COACH\"}}");
      clients.add(conn);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      clients.remove(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      received.add(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }

  private String deliveryState(String key) {
    return TestCore.database()
        .withConnection(
            c -> {
              try (var select =
                  c.prepareStatement("SELECT state FROM delivery WHERE delivery_key = ?")) {
                select.setString(1, key);
                try (var rows = select.executeQuery()) {
                  return rows.next() ? rows.getString(1) : null;
                }
              }
            });
  }

  @Test
  void should_answer_a_mention_delivered_over_socket_mode_and_ack_its_envelope() throws Exception {
    FakeSocket socket = new FakeSocket();
    socket.start();
    assertThat(socket.started.await(10, TimeUnit.SECONDS)).isTrue();
    try (FakeSlack fake = FakeSlack.start()) {
      for (int i = 0; i < 3; i++) { // the client asks for a URL when built and when connecting
        fake.scriptNext(
            "apps.connections.open",
            200,
            Map.of(),
            "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socket.getPort() + "/link\"}");
      }
      CoachConfig config =
          CoachConfig.fromEnvironment(
              Map.of(
                  "PORT", "0",
                  "SLACK_BOT_TOKEN", "xoxb-1-test-token",
                  "SLACK_APP_TOKEN", "xapp-1-test-token",
                  "SLACK_API_URL", fake.apiUrl()));
      try (CoachServer server = CoachServer.start(config, core, TestCore.database())) {
        assertThat(server.slackMode()).isEqualTo(SlackSettings.Mode.SOCKET);
        await().atMost(Duration.ofSeconds(20)).until(() -> !socket.clients.isEmpty());
        String team = "TSOCKET" + ProcessHandle.current().pid();
        String event =
            SlackRequests.envelope(
                team,
                "EvSocket1",
                SlackRequests.appMention(
                    team,
                    "C0GUILD",
                    "U0ADA",
                    "1800002000.000100",
                    null,
                    "<@UCOACHBOT> How do we detect model drift?"));
        socket
            .clients
            .get(0)
            .send(
                "{\"envelope_id\":\"env-1\",\"payload\":"
                    + event
                    + ",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                    + "\"retry_attempt\":0,\"retry_reason\":\"\"}");

        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> !fake.calls("chat.postMessage").isEmpty());
        FakeSlack.Call post = fake.calls("chat.postMessage").get(0);
        assertThat(post.param("thread_ts")).isEqualTo("1800002000.000100");
        assertThat(socket.received).anyMatch(m -> m.contains("env-1"));
        // The envelope went through the durable inbox, like an HTTP delivery, and was finished.
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> "DONE".equals(deliveryState("event:EvSocket1")));
      }
    } finally {
      socket.stop(1000);
    }
  }
}
