package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.CoachCore;
import org.scalingcoach.TestCore;

/**
 * A whole audit clicked through in Slack: real Jetty on port 0, signed slash commands and {@code
 * block_actions} payloads, and the local fake Web API recording the questions, report and files.
 */
class SlackAuditEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String USER = "U0ADA";

  private final CoachCore core = TestCore.shared();
  private SlackTestServer app;
  private FakeSlack fake;
  private SlackRequests slack;
  private String team;

  @BeforeEach
  void start() throws Exception {
    app = SlackTestServer.start(core, TestCore.database(), Map.of("COACH_MANAGERS", "UBOSS"));
    fake = app.fake();
    slack = app.slack();
    team = SlackTestServer.uniqueTeam("TA");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  /** A DM message the coach posted, with the timestamp the fake gave it. */
  record Posted(String ts, JsonNode blocks) {
    String button(String actionId) {
      for (JsonNode block : blocks) {
        for (JsonNode element : block.path("elements")) {
          if (actionId.equals(element.path("action_id").asText())) {
            return element.path("value").asText();
          }
        }
        if (actionId.equals(block.path("accessory").path("action_id").asText())) {
          return block.path("accessory").path("value").asText();
        }
      }
      return null;
    }
  }

  private Posted awaitPost(int number) {
    await().atMost(WAIT).until(() -> fake.calls("chat.postMessage").size() >= number);
    FakeSlack.Call call = fake.calls("chat.postMessage").get(number - 1);
    return new Posted(String.format("1800000000.%06d", number), call.json("blocks"));
  }

  private HttpResponse<String> click(Posted message, String actionId, String value) {
    return slack.form(
        SlackRequests.blockAction(
            team,
            USER,
            "D0ADA",
            message.ts(),
            null,
            false,
            actionId,
            value,
            fake.responseUrl("click-" + message.ts())));
  }

  private HttpResponse<String> command(String user, String text) {
    return slack.form(
        SlackRequests.slashCommand(team, "C0GUILD", user, text, fake.responseUrl("cmd")));
  }

  @Test
  void should_run_a_whole_audit_with_back_skip_pause_and_double_clicks_and_post_the_report()
      throws Exception {
    HttpResponse<String> list = command(USER, "audit");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("audit_start")
        .contains("Engage stakeholders")
        .contains("Plan for MLOps");

    assertThat(command(USER, "audit start engage-stakeholders CRM rollout").body())
        .contains("direct messages");
    int posts = 1;
    Posted message = awaitPost(posts);
    assertThat(message.blocks().toString())
        .contains("Question 1 of 11 · Awareness")
        .contains("audit_answer_0");

    // Answer 1, answer 2 with a double click, go back, skip, pause and resume.
    assertThat(click(message, "audit_answer_1", message.button("audit_answer_1")).statusCode())
        .isEqualTo(200);
    message = awaitPost(++posts);
    String second = message.button("audit_answer_2");
    click(message, "audit_answer_2", second);
    click(message, "audit_answer_2", second);
    message = awaitPost(++posts);
    assertThat(message.blocks().toString()).contains("Question 3 of 11");
    click(message, "audit_back", message.button("audit_back"));
    message = awaitPost(++posts);
    assertThat(message.blocks().toString()).contains("Question 2 of 11").contains("✓ ");
    click(message, "audit_skip", message.button("audit_skip"));
    message = awaitPost(++posts);
    assertThat(message.blocks().toString()).contains("Question 3 of 11");
    click(message, "audit_pause", message.button("audit_pause"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                fake.calls("chat.update").stream()
                    .anyMatch(c -> c.param("text").equals("Audit paused")));
    Posted pausedQuestion = message;
    click(pausedQuestion, "audit_resume", lastUpdateButton("audit_resume"));
    message = awaitPost(++posts);
    assertThat(message.blocks().toString()).contains("Question 3 of 11");

    // A click on the old, paused message is stale: nothing changes, the current question is
    // re-sent.
    click(pausedQuestion, "audit_answer_0", pausedQuestion.button("audit_answer_0"));
    message = awaitPost(++posts);
    assertThat(message.blocks().toString()).contains("earlier view").contains("Question 3 of 11");

    while (message.button("audit_finish") == null) {
      click(
          message,
          "audit_answer_4",
          message.button("audit_answer_4") != null
              ? message.button("audit_answer_4")
              : message.button("audit_answer_3"));
      message = awaitPost(++posts);
    }
    assertThat(message.blocks().toString()).contains("All 11 questions seen");
    click(message, "audit_finish", message.button("audit_finish"));
    click(message, "audit_finish", message.button("audit_finish"));

    Posted report = awaitPost(++posts);
    String reportText = report.blocks().toString();
    assertThat(reportText)
        .contains("Engage stakeholders: CRM rollout")
        .contains("Overall: ")
        .contains("Your next three steps")
        .contains("audit_export")
        .contains("audit_share");
    await().atMost(WAIT).until(() -> fake.calls("files.completeUploadExternal").size() == 1);
    assertThat(fake.calls("files.getUploadURLExternal").get(0).param("filename")).endsWith(".png");
    assertThat(Integer.parseInt(fake.calls("upload").get(0).param("bytes"))).isGreaterThan(1_000);
    assertThat(fake.calls("files.completeUploadExternal").get(0).param("channel_id"))
        .isEqualTo("D0ADA");
    Thread.sleep(300); // the second finish click must not post a second report
    assertThat(fake.calls("chat.postMessage")).hasSize(posts);
    assertThat(updatesOf(report)).isZero();

    // Export as Markdown and CSV.
    click(report, "audit_export", report.button("audit_export"));
    await().atMost(WAIT).until(() -> fake.calls("files.completeUploadExternal").size() == 2);
    assertThat(fake.calls("files.getUploadURLExternal"))
        .extracting(c -> c.param("filename"))
        .anySatisfy(f -> assertThat(f).endsWith(".md"))
        .anySatisfy(f -> assertThat(f).endsWith(".csv"));

    // Share in a channel.
    long auditId = Long.parseLong(report.button("audit_export"));
    slack.form(shareAction(report.ts(), auditId, "C0GUILD"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                fake.calls("chat.postMessage").stream()
                    .anyMatch(c -> "C0GUILD".equals(c.param("channel"))));

    // The manager sees the team's latest level; another user's click on the audit is refused.
    String teamView = command("UBOSS", "audit team").body();
    assertThat(teamView).contains("CRM rollout").contains("Engage stakeholders");
    // The team view offers the core's buttons; History shows every audit of the subject.
    com.fasterxml.jackson.databind.JsonNode history =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(teamView).findParents("action_id").stream()
                .filter(b -> b.path("action_id").asText().equals("audit_history"))
                .findFirst()
                .orElseThrow();
    assertThat(history.path("value").asText()).endsWith("\nCRM rollout");
    slack.form(
        SlackRequests.blockAction(
            team,
            "UBOSS",
            "D0BOSS",
            report.ts(),
            null,
            false,
            "audit_history",
            history.path("value").asText(),
            fake.responseUrl("boss")));
    await()
        .atMost(WAIT)
        .until(
            () ->
                fake.calls("chat.postMessage").stream()
                    .anyMatch(c -> c.params().toString().contains("History of CRM rollout")));
    slack.form(
        SlackRequests.blockAction(
            team,
            "U0EVE",
            "D0EVE",
            report.ts(),
            null,
            false,
            "audit_report",
            String.valueOf(auditId),
            fake.responseUrl("eve")));
    await()
        .atMost(WAIT)
        .until(
            () ->
                fake.calls("response_url").stream()
                    .anyMatch(c -> c.params().toString().contains("view or export")));
  }

  @Test
  void an_audit_click_from_a_channel_is_refused_with_the_words_teams_uses_and_changes_nothing() {
    command(USER, "audit start engage-stakeholders Channel rollout");
    Posted question = awaitPost(1);

    slack.form(
        SlackRequests.blockAction(
            team,
            USER,
            "C0GUILD",
            "1800000500.000100",
            null,
            false,
            "audit_answer_1",
            question.button("audit_answer_1"),
            fake.responseUrl("channel-click")));

    await()
        .atMost(WAIT)
        .until(
            () ->
                fake.calls("response_url").stream()
                    .anyMatch(
                        c ->
                            c.params()
                                .toString()
                                .contains(
                                    "Audits, their reports and team results stay private: open a"
                                        + " personal chat with me")));
    // The refusal is all that click does: no next question, no settled message.
    assertThat(fake.calls("chat.postMessage")).hasSize(1);
    assertThat(fake.calls("chat.update")).isEmpty();
    // The same button clicked in the DM still works: nothing was saved by the refused click.
    click(question, "audit_answer_1", question.button("audit_answer_1"));
    assertThat(awaitPost(2).blocks().toString()).contains("Question 2 of 11");
  }

  @Test
  void the_app_home_offers_the_audits_an_open_audit_to_resume_and_a_finished_one_to_read() {
    command(USER, "audit start engage-stakeholders Home rollout");
    awaitPost(1);
    command(USER, "audit start plan-for-mlops Finished model");
    Posted message = awaitPost(2);
    int posts = 2;
    while (message.button("audit_finish") == null) {
      click(message, "audit_answer_0", message.button("audit_answer_0"));
      message = awaitPost(++posts);
    }
    click(message, "audit_finish", message.button("audit_finish"));
    awaitPost(++posts);

    slack.event(SlackRequests.envelope(team, "EvHome", SlackRequests.appHomeOpened(USER, "D0ADA")));
    await().atMost(WAIT).until(() -> !fake.calls("views.publish").isEmpty());
    String home = fake.calls("views.publish").get(0).json("view").toString();

    assertThat(home)
        .contains("Guided audits", "audit_start", "Your open audits", "Home rollout")
        .contains("audit_resume", "Your finished audits", "Finished model", "audit_report")
        .doesNotContain("Team audits");
  }

  @Test
  void a_manager_schedules_a_re_audit_and_the_command_confirms_it() {
    HttpResponse<String> refused =
        command(USER, "audit remind plan-for-mlops 90 <@U0ADA|ada> Fraud model");
    assertThat(refused.body()).contains("Only managers");

    HttpResponse<String> scheduled =
        command("UBOSS", "audit remind plan-for-mlops 90 <@U0ADA|ada> Fraud model");

    assertThat(scheduled.body()).contains("every 90 days").contains("Fraud model");
  }

  private long updatesOf(Posted message) {
    return fake.calls("chat.update").stream()
        .filter(c -> message.ts().equals(c.param("ts")))
        .count();
  }

  private String lastUpdateButton(String actionId) {
    List<FakeSlack.Call> updates = fake.calls("chat.update");
    return new Posted("", updates.get(updates.size() - 1).json("blocks")).button(actionId);
  }

  private String shareAction(String messageTs, long auditId, String channel) throws Exception {
    String form =
        SlackRequests.blockAction(
            team,
            USER,
            "D0ADA",
            messageTs,
            null,
            false,
            "audit_share",
            "",
            fake.responseUrl("share"));
    String json = URLDecoder.decode(form.substring("payload=".length()), StandardCharsets.UTF_8);
    ObjectNode payload = (ObjectNode) JSON.readTree(json);
    ObjectNode action = (ObjectNode) payload.path("actions").get(0);
    action.remove("value");
    action
        .put("type", "conversations_select")
        .put("block_id", "audit_share:" + auditId)
        .put("selected_conversation", channel);
    return SlackRequests.formEncode(Map.of("payload", payload.toString()));
  }
}
