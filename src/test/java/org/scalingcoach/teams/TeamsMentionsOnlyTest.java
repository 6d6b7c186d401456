package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With Graph reading on, the app's consent makes Teams send the bot every message of its channels
 * and group chats: the coach answers only those that mention it and stores nothing for the rest.
 */
class TeamsMentionsOnlyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Graph reading on, pointed at a closed local port: nothing here reads Graph. */
  private static final Map<String, String> GRAPH_READING =
      Map.of(
          "TEAMS_GRAPH_READ", "true",
          "TEAMS_GRAPH_URL", "http://127.0.0.1:9/v1.0",
          "TEAMS_GRAPH_TOKEN_URL", "http://127.0.0.1:9/{tenant}/oauth2/v2.0/token");

  @Test
  void should_answer_a_channel_mention_and_leave_the_channels_other_messages_alone()
      throws Exception {
    try (TeamsEndpoint endpoint = new TeamsEndpoint(GRAPH_READING, null)) {
      ObjectNode forOthers = (ObjectNode) JSON.readTree(endpoint.activity("channel-mention"));
      forOthers.put("text", "Lunch at noon, anyone?").remove("entities");
      String mention = endpoint.activity("channel-mention");
      String mentionId = JSON.readTree(mention).path("id").asText();

      int ignored = endpoint.post(forOthers.toString()).statusCode();
      int answered = endpoint.post(mention).statusCode();

      assertThat(ignored).isEqualTo(200);
      assertThat(answered).isEqualTo(202);
      await().atMost(Duration.ofSeconds(30)).until(() -> !endpoint.connector.delivered().isEmpty());
      await()
          .during(Duration.ofMillis(300))
          .until(() -> endpoint.connector.delivered().size() == 1);
      assertThat(endpoint.connector.delivered().get(0).path()).contains(";messageid=" + mentionId);
      assertThat(storedDeliveries(endpoint)).isEqualTo(1);
    }
  }

  @Test
  void should_still_answer_every_message_of_a_personal_chat() throws Exception {
    try (TeamsEndpoint endpoint = new TeamsEndpoint(GRAPH_READING, null)) {
      int status = endpoint.post(endpoint.activity("personal-message")).statusCode();

      assertThat(status).isEqualTo(202);
      await().atMost(Duration.ofSeconds(30)).until(() -> !endpoint.connector.delivered().isEmpty());
    }
  }

  private static int storedDeliveries(TeamsEndpoint endpoint) {
    return endpoint.database.withConnection(
        connection -> {
          try (var rs =
              connection.createStatement().executeQuery("SELECT COUNT(*) FROM delivery")) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }
}
