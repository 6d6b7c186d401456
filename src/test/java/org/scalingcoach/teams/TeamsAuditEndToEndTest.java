package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamsAuditEndToEndTest {
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

  private FakeConnector.Call awaitCall(int number) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> endpoint.connector.delivered().size() >= number);
    return endpoint.connector.delivered().get(number - 1);
  }

  private static JsonNode card(FakeConnector.Call call) {
    return call.body().path("attachments").get(0).path("content");
  }

  private static String text(JsonNode card) {
    return String.join("\n", card.findValuesAsText("text"));
  }

  /** The data of the first button on the card for this coach action, if any. */
  private static Optional<ObjectNode> button(JsonNode card, String action) {
    List<JsonNode> data = card.findValues("data");
    return data.stream()
        .filter(d -> d.path(TeamsCards.ACTION).asText().equals(action))
        .map(d -> (ObjectNode) d.deepCopy())
        .findFirst();
  }

  /** Clicks an Action.Submit button on the card the bot sent as {@code cardActivityId}. */
  private void click(ObjectNode data, String cardActivityId) {
    ObjectNode activity = read(endpoint.activity("ask-submit"));
    activity.set("value", data);
    activity.put("replyToId", cardActivityId);
    assertThat(endpoint.post(activity.toString()).statusCode()).isEqualTo(202);
  }

  private int calls = 0;

  private JsonNode clickAndAwait(ObjectNode data, String cardActivityId) {
    click(data, cardActivityId);
    FakeConnector.Call update = awaitCall(++calls);
    assertThat(update.method()).isEqualTo("PUT");
    assertThat(update.path()).endsWith("/activities/" + cardActivityId);
    return card(update);
  }

  @Test
  void should_run_a_whole_audit_by_card_clicks_and_show_the_report_with_its_chart() {
    ObjectNode typed = read(endpoint.activity("personal-message"));
    typed.put("text", "audit");
    endpoint.post(typed.toString());
    FakeConnector.Call menuReply = awaitCall(++calls);
    JsonNode menu = card(menuReply);
    List<String> types =
        menu.findValues("data").stream().map(d -> d.path("type").asText()).toList();
    assertThat(types).contains("audit-your-data");
    String cardId = "1:reply-1";

    ObjectNode startData = button(menu, "audit-start").orElseThrow();
    startData.put("type", "audit-your-data").put("subject", "Churn model EMEA");
    JsonNode first = clickAndAwait(startData, cardId);
    assertThat(text(first)).contains("Question 1 of");

    JsonNode second = clickAndAwait(button(first, "audit-answer").orElseThrow(), cardId);
    assertThat(text(second)).contains("Question 2 of");

    JsonNode third = clickAndAwait(button(second, "audit-skip").orElseThrow(), cardId);
    assertThat(text(third)).contains("Question 3 of");

    JsonNode backAgain = clickAndAwait(button(third, "audit-back").orElseThrow(), cardId);
    assertThat(text(backAgain)).contains("Question 2 of");

    JsonNode paused = clickAndAwait(button(backAgain, "audit-pause").orElseThrow(), cardId);
    assertThat(text(paused)).contains("Paused **Audit your data**");
    JsonNode resumed = clickAndAwait(button(paused, "audit-resume").orElseThrow(), cardId);
    assertThat(text(resumed)).contains("Question 2 of");

    JsonNode current = resumed;
    for (int guard = 0; button(current, "audit-finish").isEmpty(); guard++) {
      assertThat(guard).as("the audit ends").isLessThan(60);
      current = clickAndAwait(button(current, "audit-answer").orElseThrow(), cardId);
    }
    assertThat(text(current)).contains("every question");

    JsonNode report = clickAndAwait(button(current, "audit-finish").orElseThrow(), cardId);
    assertThat(text(report)).contains("Churn model EMEA").contains("Overall").contains("/100");
    assertThat(report.findValuesAsText("url"))
        .singleElement()
        .asString()
        .startsWith("data:image/png;base64,");
    assertThat(report.toString().length()).isLessThan(28_000);
    assertThat(chartShownAtHalfItsPixels(report)).isTrue();
    assertThat(text(report)).contains("today: ").doesNotContain("Now: ");
  }

  /** The chart is displayed at half its pixel width (sharp at 2×), not stretched to the card. */
  private static boolean chartShownAtHalfItsPixels(JsonNode report) {
    JsonNode image = report.findParent("altText");
    String uri = image.path("url").asText();
    try {
      java.awt.image.BufferedImage png =
          javax.imageio.ImageIO.read(
              new java.io.ByteArrayInputStream(
                  java.util.Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1))));
      return image.path("width").asText().equals(png.getWidth() / 2 + "px") && !image.has("size");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void should_answer_an_action_execute_audit_click_in_the_http_response() {
    ObjectNode invoke = auditStartClick("Fraud model");

    HttpResponse<String> response = endpoint.post(invoke.toString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = read(response.body());
    assertThat(body.path("type").asText()).isEqualTo(TeamsCards.CONTENT_TYPE);
    assertThat(text(body.path("value"))).contains("Fraud model").contains("Question 1 of");
  }

  @Test
  void should_refuse_an_action_execute_audit_click_from_a_channel_as_typed_audits_are() {
    ObjectNode invoke = auditStartClick("Fraud model");
    ((ObjectNode) invoke.path("conversation"))
        .put("conversationType", "channel")
        .put("id", "19:general@thread.tacv2");

    JsonNode body = read(endpoint.post(invoke.toString()).body());

    assertThat(text(body.path("value")))
        .contains("open a personal chat with me")
        .doesNotContain("Question 1 of");
  }

  @Test
  void should_explain_a_refused_start_on_the_card() {
    ObjectNode invoke = auditStartClick(" ");

    JsonNode body = read(endpoint.post(invoke.toString()).body());

    assertThat(text(body.path("value"))).contains("Please name what you are auditing");
  }

  /** An Action.Execute invoke of the "start the MLOps audit" button, for {@code subject}. */
  private ObjectNode auditStartClick(String subject) {
    ObjectNode invoke = read(endpoint.activity("feedback-execute"));
    ObjectNode action = (ObjectNode) invoke.path("value").path("action");
    action.put("verb", "audit");
    action.set(
        "data",
        JSON.createObjectNode()
            .put(TeamsCards.ACTION, "audit-start")
            .put("type", "plan-for-mlops")
            .put("subject", subject));
    return invoke;
  }

  private static ObjectNode read(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
