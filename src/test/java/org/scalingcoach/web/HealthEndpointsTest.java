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

class HealthEndpointsTest {
  private final CoachCore core = TestCore.shared();
  private final HttpClient http = HttpClient.newHttpClient();

  private JsonNode get(CoachServer server, String path, int status) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(status);
    return new ObjectMapper().readTree(response.body());
  }

  @Test
  void should_say_which_knowledge_is_in_use_and_whether_teams_and_slack_are_on() throws Exception {
    try (CoachServer server =
        CoachServer.start(
            CoachConfig.fromEnvironment(Map.of("PORT", "0")), core, TestCore.database())) {
      JsonNode health = get(server, "/healthz", 200);

      assertThat(health.path("knowledge").path("source").asText())
          .endsWith("knowledge (COACH_KNOWLEDGE_DIR)");
      assertThat(health.path("knowledge").path("audits").asInt()).isEqualTo(4);
      assertThat(health.path("teams").asText()).isEqualTo("not configured");
      assertThat(health.path("slack").asText()).isEqualTo("not configured");
      assertThat(health.path("llm").asText()).isEqualTo("none");
    }
  }

  @Test
  void should_be_ready_once_every_section_is_indexed() throws Exception {
    try (CoachServer server =
        CoachServer.start(
            CoachConfig.fromEnvironment(Map.of("PORT", "0")), core, TestCore.database())) {
      JsonNode ready = get(server, "/readyz", 200);

      assertThat(ready.path("status").asText()).isEqualTo("ok");
      assertThat(ready.path("indexed_sections").asInt())
          .isEqualTo(core.knowledge().sections().size())
          .isPositive();
    }
  }

  @Test
  void should_listen_before_loading_and_answer_503_until_the_coach_is_in_place() throws Exception {
    try (CoachServer server = CoachServer.listen(0)) {
      assertThat(get(server, "/readyz", 503).path("status").asText()).isEqualTo("loading");
      assertThat(get(server, "/healthz", 503).path("status").asText()).isEqualTo("starting");
      HttpResponse<String> slack =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(slack.statusCode()).as("chat platforms retry a 503").isEqualTo(503);
      assertThat(slack.headers().firstValue("Retry-After")).isPresent();

      server.serve(CoachConfig.fromEnvironment(Map.of("PORT", "0")), core, TestCore.database());

      assertThat(get(server, "/readyz", 200).path("status").asText()).isEqualTo("ok");
      assertThat(get(server, "/healthz", 200).path("status").asText()).isEqualTo("ok");
    }
  }
}
