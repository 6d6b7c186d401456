package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.conversation.ConversationService;

class TeamsEndpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TeamsEndpoint endpoint;

  @BeforeEach
  void start() {
    endpoint = new TeamsEndpoint();
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  private List<FakeConnector.Call> awaitDelivered(int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> endpoint.connector.delivered().size() >= count);
    return endpoint.connector.delivered();
  }

  private static JsonNode card(FakeConnector.Call call) {
    JsonNode attachment = call.body().path("attachments").get(0);
    assertThat(attachment.path("contentType").asText()).isEqualTo(TeamsCards.CONTENT_TYPE);
    return attachment.path("content");
  }

  private static String cardText(JsonNode card) {
    StringBuilder text = new StringBuilder();
    card.path("body").forEach(block -> text.append(block.path("text").asText()).append("\n"));
    return text.toString();
  }

  private List<String> awaitQuestionLog() {
    await().atMost(Duration.ofSeconds(30)).until(() -> !questionLog().isEmpty());
    return questionLog();
  }

  private List<String> questionLog() {
    return endpoint.database.withConnection(
        connection -> {
          try (var rs =
              connection
                  .createStatement()
                  .executeQuery(
                      "SELECT team_id || ' | ' || question FROM question_log ORDER BY id")) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
              rows.add(rs.getString(1));
            }
            return rows;
          }
        });
  }

  @Test
  void should_acknowledge_a_personal_message_and_reply_with_an_answer_card() {
    String activity = endpoint.activity("personal-message");

    HttpResponse<String> response = endpoint.post(activity);

    assertThat(response.statusCode()).isEqualTo(202);
    FakeConnector.Call reply = awaitDelivered(1).get(0);
    JsonNode incoming = readTree(activity);
    assertThat(reply.method()).isEqualTo("POST");
    assertThat(reply.path())
        .isEqualTo(
            "/amer/v3/conversations/"
                + incoming.path("conversation").path("id").asText()
                + "/activities/"
                + incoming.path("id").asText());
    assertThat(reply.authorization()).isEqualTo("Bearer " + FakeConnector.TOKEN);
    assertThat(reply.body().path("replyToId").asText()).isEqualTo(incoming.path("id").asText());
    assertThat(reply.body().path("from").path("id").asText()).isEqualTo(TeamsTraffic.BOT_ID);
    JsonNode card = card(reply);
    assertThat(card.path("version").asText()).isEqualTo("1.5");
    assertThat(cardText(card)).contains("[1]").contains("**Sources**");
    assertThat(card.path("actions").findValuesAsText("verb")).contains("feedback");
    assertThat(awaitQuestionLog())
        .containsExactly(TeamsTraffic.TENANT + " | How do we know our model is drifting?");
  }

  @Test
  void should_answer_a_channel_mention_without_the_mention_in_the_question() {
    HttpResponse<String> response = endpoint.post(endpoint.activity("channel-mention"));

    assertThat(response.statusCode()).isEqualTo(202);
    FakeConnector.Call reply = awaitDelivered(1).get(0);
    assertThat(reply.path()).contains("19:7b1e5c3a9d2f4e8b@thread.tacv2;messageid=");
    assertThat(cardText(card(reply))).contains("**Sources**");
    assertThat(awaitQuestionLog())
        .containsExactly(
            TeamsTraffic.TENANT + " | what should we check in our data before scaling?");
  }

  @Test
  void should_reply_honestly_in_a_group_chat_when_the_question_is_out_of_scope() {
    endpoint.post(endpoint.activity("group-chat-message"));

    JsonNode card = card(awaitDelivered(1).get(0));
    assertThat(cardText(card)).contains("I don't have anything reliable on that");
    assertThat(card.path("actions").findValuesAsText("verb")).doesNotContain("feedback");
  }

  @Test
  void should_welcome_the_team_when_the_bot_is_added() {
    HttpResponse<String> response = endpoint.post(endpoint.activity("bot-added-to-team"));

    assertThat(response.statusCode()).isEqualTo(202);
    FakeConnector.Call welcome = awaitDelivered(1).get(0);
    assertThat(welcome.path())
        .isEqualTo("/amer/v3/conversations/19:c2d8a0f4e6b14a3c@thread.tacv2/activities");
    assertThat(cardText(card(welcome)))
        .contains("Scaling Coach")
        .contains("Infrastructure and cost");
  }

  @Test
  void should_not_welcome_when_someone_else_joins() {
    endpoint.post(endpoint.activity("member-added"));
    endpoint.post(endpoint.activity("bot-added-to-team"));

    assertThat(awaitDelivered(1)).hasSize(1);
    await().during(Duration.ofMillis(300)).until(() -> endpoint.connector.delivered().size() == 1);
  }

  @Test
  void should_record_feedback_from_a_card_button_and_thank_in_the_response() {
    HttpResponse<String> response = endpoint.post(endpoint.activity("feedback-execute"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = readTree(response.body());
    assertThat(body.path("statusCode").asInt()).isEqualTo(200);
    assertThat(body.path("type").asText()).isEqualTo("application/vnd.microsoft.activity.message");
    assertThat(body.path("value").asText()).isEqualTo(ConversationService.THANKS_DOWN);
    assertThat(endpoint.store.feedback(TeamsTraffic.TENANT))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.vote()).isEqualTo("down");
              assertThat(f.answerActivityId()).isEqualTo("1:reply-1");
              assertThat(f.userId()).isEqualTo("d6a2f3c1-8b4e-4a7d-9c1f-2e5b7a9d0c34");
              assertThat(f.topSource()).isEqualTo("drift-detection#signals-of-drift");
            });
  }

  @Test
  void should_answer_a_follow_up_question_clicked_on_a_card() {
    endpoint.post(endpoint.activity("ask-submit"));

    assertThat(cardText(card(awaitDelivered(1).get(0)))).contains("**Sources**");
    assertThat(awaitQuestionLog())
        .containsExactly(
            TeamsTraffic.TENANT + " | What costs do teams forget when they move AI to production?");
  }

  @Test
  void should_answer_a_double_clicked_follow_up_question_once() {
    // Two clicks are two activities with their own ids: the same button on the same card.
    HttpResponse<String> first = endpoint.post(endpoint.activity("ask-submit"));
    HttpResponse<String> second = endpoint.post(endpoint.activity("ask-submit"));

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(cardText(card(awaitDelivered(1).get(0)))).contains("**Sources**");
    // Whatever the second click does is done by the time a later message is answered.
    endpoint.post(endpoint.activity("bot-added-to-team"));
    awaitDelivered(2);
    await()
        .during(Duration.ofMillis(800))
        .atMost(Duration.ofSeconds(5))
        .until(() -> endpoint.connector.delivered().size() == 2 && questionLog().size() == 1);
  }

  @Test
  void should_answer_a_repeated_delivery_once() {
    String activity = endpoint.activity("personal-message");

    HttpResponse<String> first = endpoint.post(activity);
    HttpResponse<String> again = endpoint.post(activity);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(200);
    awaitDelivered(1);
    endpoint.post(endpoint.activity("bot-added-to-team"));
    assertThat(awaitDelivered(2)).hasSize(2);
    assertThat(awaitQuestionLog()).hasSize(1);
  }

  @Test
  void should_remember_the_conversation_for_follow_ups() {
    endpoint.post(endpoint.activity("personal-message"));
    awaitDelivered(1);
    await().until(() -> questionLog().size() == 1);

    JsonNode incoming = readTree(endpoint.activity("personal-message"));
    assertThat(
            endpoint.store.recentTurns(
                TeamsTraffic.TENANT, incoming.path("conversation").path("id").asText()))
        .extracting(t -> t.speaker().name())
        .containsExactly("USER", "COACH");
  }

  @Test
  void should_request_one_token_for_many_replies() {
    for (int i = 0; i < 3; i++) {
      endpoint.post(endpoint.activity("bot-added-to-team"));
    }
    awaitDelivered(3);
    assertThat(endpoint.connector.tokenRequests()).hasSize(1);
  }

  private void assertRejectedAndNothingProcessed(String activity, String authorization) {
    HttpResponse<String> response = endpoint.post(activity, authorization);

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode json = readTree(activity);
    String key =
        "activity:"
            + json.path("conversation").path("id").asText()
            + ":"
            + json.path("id").asText();
    int stored =
        endpoint.database.withConnection(
            c -> {
              try (var select =
                  c.prepareStatement("SELECT COUNT(*) FROM delivery WHERE delivery_key = ?")) {
                select.setString(1, key);
                try (var rs = select.executeQuery()) {
                  return rs.next() ? rs.getInt(1) : -1;
                }
              }
            });
    assertThat(stored).as("the rejected activity was never stored").isZero();
    assertThat(endpoint.connector.delivered()).isEmpty();
    assertThat(endpoint.connector.tokenRequests()).isEmpty();
  }

  @Test
  void should_reject_a_message_without_authorization_and_process_nothing() {
    assertRejectedAndNothingProcessed(endpoint.activity("personal-message"), null);
  }

  @Test
  void should_reject_a_message_signed_for_another_service_url_and_process_nothing() {
    assertRejectedAndNothingProcessed(
        endpoint.activity("personal-message"),
        endpoint.keys.bearerFor("https://smba.trafficmanager.net/emea/"));
  }

  @Test
  void should_reject_a_message_for_another_bot_and_process_nothing() {
    assertRejectedAndNothingProcessed(
        endpoint.activity("channel-mention"),
        endpoint.keys.bearer(
            FakeKeyServer.validClaims(endpoint.connector.serviceUrl())
                .audience("another-bot")
                .build()));
  }

  @Test
  void should_reject_feedback_without_authorization_and_store_nothing() {
    HttpResponse<String> response = endpoint.post(endpoint.activity("feedback-execute"), null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(endpoint.store.feedback(TeamsTraffic.TENANT)).isEmpty();
  }

  @Test
  void should_refuse_activities_from_other_tenants_when_single_tenant() {
    try (TeamsEndpoint singleTenant = new TeamsEndpoint("00000000-1111-2222-3333-444444444444")) {
      HttpResponse<String> response = singleTenant.post(singleTenant.activity("personal-message"));

      assertThat(response.statusCode()).isEqualTo(403);
    }
  }

  @Test
  void should_refuse_a_body_that_is_not_json() {
    assertThat(endpoint.post("not json").statusCode()).isEqualTo(400);
  }

  @Test
  void should_refuse_a_request_without_a_token_before_reading_its_body() {
    assertThat(endpoint.post("not json", null).statusCode()).isEqualTo(401);
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
