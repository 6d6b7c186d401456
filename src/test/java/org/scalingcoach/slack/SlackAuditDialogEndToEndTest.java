package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.CoachCore;
import org.scalingcoach.TestCore;
import org.scalingcoach.conversation.ButtonCode;

/**
 * Starting an audit from the list: the Start button opens a modal asking for the subject, and its
 * {@code view_submission} either starts the audit or answers with an inline error, as Slack's
 * contract for modals expects (the response body of the submission request).
 */
class SlackAuditDialogEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CoachCore core = TestCore.shared();
  private SlackTestServer app;
  private FakeSlack fake;
  private SlackRequests slack;
  private String team;

  @BeforeEach
  void start() throws Exception {
    app = SlackTestServer.start(core);
    fake = app.fake();
    slack = app.slack();
    team = SlackTestServer.uniqueTeam("TD");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private static String startButtonValue(JsonNode blocks, String type) {
    for (JsonNode button : blocks.findParents("action_id")) {
      if (ButtonCode.Audits.START.equals(button.path("action_id").asText())
          && type.equals(button.path("value").asText())) {
        return button.path("value").asText();
      }
    }
    throw new AssertionError("no Start button for " + type + " in " + blocks);
  }

  private HttpResponse<String> submit(String type, String subject) {
    return slack.form(
        SlackRequests.viewSubmission(
            team,
            "U0ADA",
            SlackAudits.SUBJECT_VIEW,
            type,
            Map.of("subject", Map.of("subject_input", subject))));
  }

  @Test
  void should_open_the_subject_dialog_and_start_the_audit_when_it_is_submitted() throws Exception {
    HttpResponse<String> list =
        slack.form(
            SlackRequests.slashCommand(team, "C0GUILD", "U0ADA", "audit", fake.responseUrl("l")));
    String type = startButtonValue(JSON.readTree(list.body()).path("blocks"), "plan-for-mlops");

    String clickForm =
        SlackRequests.blockAction(
            team,
            "U0ADA",
            "C0GUILD",
            "1800003000.000100",
            null,
            true,
            ButtonCode.Audits.START,
            type,
            fake.responseUrl("start"));
    String trigger =
        JSON.readTree(
                java.net.URLDecoder.decode(
                    clickForm.substring("payload=".length()),
                    java.nio.charset.StandardCharsets.UTF_8))
            .path("trigger_id")
            .asText();
    HttpResponse<String> click = slack.form(clickForm);

    assertThat(click.statusCode()).isEqualTo(200);
    await().atMost(WAIT).until(() -> !fake.calls("views.open").isEmpty());
    FakeSlack.Call open = fake.calls("views.open").get(0);
    assertThat(open.param("trigger_id")).isEqualTo(trigger);
    JsonNode view = open.json("view");
    assertThat(view.path("type").asText()).isEqualTo("modal");
    assertThat(view.path("callback_id").asText()).isEqualTo(SlackAudits.SUBJECT_VIEW);
    assertThat(view.path("private_metadata").asText()).isEqualTo("plan-for-mlops");
    assertThat(view.path("submit").path("text").asText()).isEqualTo("Start");
    assertThat(view.path("blocks").toString())
        .contains("\"block_id\":\"subject\"")
        .contains("\"action_id\":\"subject_input\"")
        .contains("plain_text_input");

    HttpResponse<String> submitted = submit(type, "Churn model — EMEA");

    assertThat(submitted.statusCode()).isEqualTo(200);
    assertThat(submitted.body()).doesNotContain("response_action");
    await().atMost(WAIT).until(() -> !fake.calls("chat.postMessage").isEmpty());
    FakeSlack.Call question = fake.calls("chat.postMessage").get(0);
    assertThat(question.param("channel")).isEqualTo("U0ADA");
    assertThat(question.param("blocks"))
        .contains("Question 1 of")
        .contains(ButtonCode.Audits.ANSWER_PREFIX + "0");
  }

  @Test
  void should_answer_a_blank_subject_with_an_inline_error_and_start_nothing() throws Exception {
    HttpResponse<String> blank = submit("plan-for-mlops", "   ");

    assertThat(blank.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(blank.body());
    assertThat(body.path("response_action").asText()).isEqualTo("errors");
    assertThat(body.path("errors").path("subject").asText()).isNotBlank();
    await()
        .during(Duration.ofMillis(300))
        .atMost(WAIT)
        .until(() -> fake.calls("chat.postMessage").isEmpty());
  }
}
