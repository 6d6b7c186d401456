package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectorClientTest {
  private static final String CONVERSATION =
      "a:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq";

  private FakeConnector connector;
  private MutableClock clock;
  private ConnectorClient client;

  @BeforeEach
  void start() {
    connector = FakeConnector.start();
    clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    HttpClient http = HttpClient.newHttpClient();
    BotTokenProvider tokens =
        new BotTokenProvider(http, connector.tokenUrl(), FakeKeyServer.APP_ID, "s3cret=&", clock);
    client = new ConnectorClient(http, Optional.of(tokens), 3, Duration.ofMillis(10));
  }

  @AfterEach
  void stop() {
    connector.close();
  }

  private static ObjectNode message(String text) {
    return JsonNodeFactory.instance.objectNode().put("type", "message").put("text", text);
  }

  @Test
  void should_post_a_reply_to_the_activity_with_the_bot_token() throws ConnectorException {
    String id =
        client.reply(connector.serviceUrl(), CONVERSATION, "1481567603816", message("hello"));

    FakeConnector.Call call = connector.delivered().get(0);
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path())
        .isEqualTo("/amer/v3/conversations/" + CONVERSATION + "/activities/1481567603816");
    assertThat(call.authorization()).isEqualTo("Bearer " + FakeConnector.TOKEN);
    assertThat(call.body().path("text").asText()).isEqualTo("hello");
    assertThat(id).isEqualTo("1:reply-1");
  }

  @Test
  void should_ask_for_a_client_credentials_token_scoped_to_the_bot_framework()
      throws ConnectorException {
    client.reply(connector.serviceUrl(), CONVERSATION, "1", message("hello"));

    assertThat(connector.tokenRequests())
        .singleElement()
        .asString()
        .contains("grant_type=client_credentials")
        .contains("client_id=" + FakeKeyServer.APP_ID)
        .contains("client_secret=s3cret%3D%26")
        .contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default");
  }

  @Test
  void should_request_one_token_for_many_replies() throws ConnectorException {
    for (int i = 0; i < 5; i++) {
      client.reply(connector.serviceUrl(), CONVERSATION, "id-" + i, message("reply " + i));
    }
    assertThat(connector.delivered()).hasSize(5);
    assertThat(connector.tokenRequests()).hasSize(1);
  }

  @Test
  void should_request_a_new_token_when_the_cached_one_is_about_to_expire()
      throws ConnectorException {
    client.reply(connector.serviceUrl(), CONVERSATION, "1", message("first"));
    clock.advance(Duration.ofMinutes(56));

    client.reply(connector.serviceUrl(), CONVERSATION, "2", message("second"));

    assertThat(connector.tokenRequests()).hasSize(2);
  }

  @Test
  void should_retry_after_throttling_and_server_errors() throws ConnectorException {
    connector.retryAfter = "0";
    connector.script(429, 503);

    client.reply(connector.serviceUrl(), CONVERSATION, "1", message("eventually"));

    assertThat(connector.delivered()).singleElement();
  }

  @Test
  void should_give_up_after_the_last_attempt() {
    connector.script(500, 500, 500);

    assertThatThrownBy(
            () -> client.reply(connector.serviceUrl(), CONVERSATION, "1", message("never")))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("HTTP 500");
    assertThat(connector.delivered()).isEmpty();
  }

  @Test
  void should_not_retry_a_request_the_connector_refuses() {
    connector.script(400);

    assertThatThrownBy(
            () -> client.reply(connector.serviceUrl(), CONVERSATION, "1", message("bad")))
        .hasMessageContaining("HTTP 400");
    assertThat(connector.delivered()).isEmpty();
  }

  @Test
  void should_get_a_fresh_token_once_when_the_connector_rejects_the_cached_one()
      throws ConnectorException {
    client.reply(connector.serviceUrl(), CONVERSATION, "1", message("first"));
    connector.script(401);

    client.reply(connector.serviceUrl(), CONVERSATION, "2", message("second"));

    assertThat(connector.tokenRequests()).hasSize(2);
    assertThat(connector.delivered()).hasSize(2);
  }

  @Test
  void should_update_a_card_with_put() throws ConnectorException {
    client.update(connector.serviceUrl(), CONVERSATION, "1:reply-7", message("updated"));

    FakeConnector.Call call = connector.delivered().get(0);
    assertThat(call.method()).isEqualTo("PUT");
    assertThat(call.path()).endsWith("/v3/conversations/" + CONVERSATION + "/activities/1:reply-7");
  }

  @Test
  void should_post_a_new_message_to_the_conversation() throws ConnectorException {
    client.post(connector.serviceUrl(), CONVERSATION, message("welcome"));

    assertThat(connector.delivered().get(0).path())
        .isEqualTo("/amer/v3/conversations/" + CONVERSATION + "/activities");
  }

  @Test
  void should_encode_channel_conversation_ids_in_the_path() {
    String channelThread = "19:abc@thread.tacv2;messageid=1616967200000";

    assertThat(
            ConnectorClient.activityUri("https://smba.trafficmanager.net/amer", channelThread, "1"))
        .hasToString(
            "https://smba.trafficmanager.net/amer/v3/conversations/"
                + "19%3Aabc%40thread.tacv2%3Bmessageid%3D1616967200000/activities/1");
  }
}
