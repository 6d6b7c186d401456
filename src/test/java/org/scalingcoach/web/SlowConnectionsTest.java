package org.scalingcoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.CoachCore;
import org.scalingcoach.TestCore;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.config.SlackSettings;
import org.scalingcoach.slack.FakeSlack;
import org.scalingcoach.slack.SlackBot;
import org.scalingcoach.slack.SlackRequests;

/**
 * Connections that announce a body and then send it a byte at a time must not take the server's
 * threads: health checks and Slack's own requests keep being answered while they are open.
 */
class SlowConnectionsTest {
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
  private final CoachCore core = TestCore.shared();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
  private final List<Socket> slow = new ArrayList<>();
  private FakeSlack fake;

  @AfterEach
  void closeSockets() throws IOException {
    for (Socket socket : slow) {
      socket.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  private CoachServer server(int maxPending, Duration bodyDeadline) throws Exception {
    fake = FakeSlack.start();
    SlackSettings settings =
        CoachConfig.fromEnvironment(
                Map.of(
                    "SLACK_BOT_TOKEN",
                    "xoxb-1-test-token",
                    "SLACK_SIGNING_SECRET",
                    SlackRequests.SIGNING_SECRET,
                    "SLACK_API_URL",
                    fake.apiUrl()))
            .slack();
    SlackBot bot = SlackBot.create(settings, core, TestCore.database(), duration -> {});
    return CoachServer.start(0, core, TestCore.database(), bot, null, maxPending, bodyDeadline);
  }

  /** Opens a connection that announces 100 KB of body and sends one byte of it. */
  private Socket openSlow(int port, String path) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100000\r\n\r\n{")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    slow.add(socket);
    return socket;
  }

  private HttpResponse<String> health(int port) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
            .timeout(ANSWER_WITHIN)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void health_and_signed_slack_requests_are_answered_with_300_slow_connections_open()
      throws Exception {
    try (CoachServer server =
        server(CoachServer.MAX_PENDING_CHAT_REQUESTS, Duration.ofMinutes(1))) {
      for (int i = 0; i < 300; i++) {
        openSlow(server.port(), "/slack/events");
      }

      HttpResponse<String> health = health(server.port());
      String challenge = "{\"token\":\"t\",\"challenge\":\"c-123\",\"type\":\"url_verification\"}";
      HttpResponse<String> slack = new SlackRequests(server.port()).event(challenge);

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(slack.statusCode()).isEqualTo(200);
      assertThat(slack.body()).contains("c-123");
    }
  }

  @Test
  void requests_beyond_the_pending_limit_get_503_without_their_body_being_waited_for()
      throws Exception {
    try (CoachServer server = server(5, Duration.ofMinutes(1))) {
      for (int i = 0; i < 5; i++) {
        openSlow(server.port(), "/slack/events");
      }
      health(server.port());

      // On a loaded machine one of the five may reach the limit's count only after a later one, so
      // that one is let in and waits for its body; the next connection must be refused at once.
      String refused = "";
      for (int extra = 0; extra < 3 && !refused.contains(" 503 "); extra++) {
        Socket next = openSlow(server.port(), "/slack/events");
        next.setSoTimeout(2_000);
        try {
          refused = statusLine(next.getInputStream());
        } catch (java.net.SocketTimeoutException admitted) {
          refused = "";
        }
      }

      assertThat(refused).contains(" 503 ");
      assertThat(health(server.port()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void a_body_that_does_not_arrive_within_the_deadline_loses_its_connection() throws Exception {
    try (CoachServer server = server(5, Duration.ofMillis(300))) {
      Socket socket = openSlow(server.port(), "/slack/events");
      Instant opened = Instant.now();

      int read = socket.getInputStream().read();

      assertThat(read).as("the server closed the connection").isEqualTo(-1);
      assertThat(Duration.between(opened, Instant.now())).isLessThan(ANSWER_WITHIN);
    }
  }

  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
      line.append((char) c);
    }
    return line.toString();
  }
}
