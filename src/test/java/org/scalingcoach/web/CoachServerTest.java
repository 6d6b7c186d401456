package org.scalingcoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalingcoach.CoachCore;
import org.scalingcoach.TestCore;
import org.scalingcoach.config.CoachConfig;

class CoachServerTest {
  private final CoachCore core = TestCore.shared();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void should_serve_health_and_explain_slack_is_not_configured_without_credentials()
      throws Exception {
    CoachConfig config = CoachConfig.fromEnvironment(Map.of("PORT", "0"));
    try (CoachServer server = CoachServer.start(config, core, TestCore.database())) {
      String base = "http://127.0.0.1:" + server.port();

      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> events =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/slack/events"))
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      JsonNode body = new ObjectMapper().readTree(health.body());
      assertThat(body.path("status").asText()).isEqualTo("ok");
      assertThat(body.path("knowledge").path("documents").asInt())
          .isEqualTo(core.knowledge().documents().size());
      assertThat(body.path("knowledge").path("sections").asInt()).isPositive();
      assertThat(body.path("database").asText()).isEqualTo("reachable");
      assertThat(body.path("slack").asText()).isEqualTo("not configured");
      assertThat(body.path("llm").asText()).isEqualTo("none");
      assertThat(events.statusCode()).isEqualTo(503);
      assertThat(events.body()).contains("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET");
    }
  }
}
