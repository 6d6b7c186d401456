package org.scalingcoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.config.CoachConfig;

class CoachServerTeamsTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void should_explain_that_teams_is_not_configured_without_credentials() throws Exception {
    CoachConfig config = CoachConfig.fromEnvironment(Map.of("PORT", "0"));
    try (CoachServer server = CoachServer.start(config, TestCore.shared(), TestCore.database())) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"message\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(server.teamsEnabled()).isFalse();
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("TEAMS_APP_ID").contains("TEAMS_APP_PASSWORD");
    }
  }
}
