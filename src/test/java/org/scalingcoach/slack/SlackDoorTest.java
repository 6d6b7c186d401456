package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.conversation.ButtonCode;
import org.scalingcoach.web.LogCapture;
import org.scalingcoach.web.PayloadMutator;

/**
 * What the door does with requests Slack would not send: unsigned and future-dated ones, wrong JSON
 * types, missing fields, command arguments that are out of range.
 */
class SlackDoorTest {
  private SlackTestServer app;
  private FakeSlack fake;
  private SlackRequests slack;
  private LogCapture log;
  private final String team = SlackTestServer.uniqueTeam("TDOOR");

  @BeforeEach
  void start() throws Exception {
    app =
        SlackTestServer.start(
            TestCore.shared(), TestCore.database(), Map.of("COACH_MANAGERS", "UBOSS"));
    fake = app.fake();
    slack = app.slack();
    log = LogCapture.open();
  }

  @AfterEach
  void stop() {
    log.close();
    app.close();
  }

  private String mention(String text) {
    return SlackRequests.envelope(
        team,
        "Ev" + System.nanoTime(),
        SlackRequests.appMention(team, "C0GUILD", "U0ADA", "1800000001.000100", null, text));
  }

  private HttpResponse<String> command(String user, String text) {
    return slack.form(
        SlackRequests.slashCommand(team, "C0GUILD", user, text, fake.responseUrl("cmd")));
  }

  @Test
  void an_unsigned_body_is_refused_before_anything_reads_or_logs_it() {
    String body =
        "{\"forged\":\""
            + PayloadMutator.FORGED.replace("\n", "\\n")
            + "\"}\n"
            + PayloadMutator.FORGED;
    HttpResponse<String> response =
        slack.post("application/json", body, "not-the-secret", Instant.now().getEpochSecond());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(log.forgedLines()).isEmpty();
    assertThat(log.stackTraces()).isEmpty();
    assertThat(log.events()).as("one line saying why, nothing of the body").isEqualTo(1);
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void a_request_signed_ten_minutes_ahead_is_refused_and_answered_by_nothing() {
    long future = Instant.now().getEpochSecond() + 10 * 60;

    HttpResponse<String> response =
        slack.post(
            "application/json",
            mention("how do we budget GPUs"),
            SlackRequests.SIGNING_SECRET,
            future);

    assertThat(response.statusCode()).isEqualTo(401);
    await()
        .pollDelay(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> fake.calls().isEmpty());
  }

  @Test
  void wrong_json_types_that_break_bolt_get_a_400_and_one_log_line_without_a_stack_trace() {
    String nullUser = mention("hi").replace("\"user\":\"U0ADA\"", "\"user\":null");
    String textObject = mention("hi").replace("\"text\":\"hi\"", "\"text\":{\"a\":1}");
    String noState =
        SlackRequests.viewSubmission(
                team, "U0ADA", SlackAudits.SUBJECT_VIEW, "audit-your-data", Map.of())
            .replace("%22state%22%3A%7B%22values%22%3A%7B%7D%7D%2C", "");
    String badBoolean =
        mention("hi").replace("\"is_ext_shared_channel\":false", "\"is_ext_shared_channel\":{}");

    assertThat(slack.event(nullUser).statusCode()).isEqualTo(400);
    assertThat(slack.event(textObject).statusCode()).isEqualTo(400);
    assertThat(slack.form(noState).statusCode()).isEqualTo(400);
    assertThat(slack.event(badBoolean).statusCode()).isLessThan(500);
    assertThat(log.stackTraces()).isEmpty();
    assertThat(log.forgedLines()).isEmpty();
  }

  @Test
  void a_slash_command_without_user_or_response_url_is_refused_not_apologised_for() {
    String noUser =
        SlackRequests.slashCommand(team, "C0GUILD", "U0ADA", "hello", fake.responseUrl("cmd"))
            .replace("user_id=U0ADA&", "");
    String noResponseUrl =
        SlackRequests.slashCommand(team, "C0GUILD", "U0ADA", "hello", "x")
            .replaceAll("&response_url=[^&]*", "");

    assertThat(slack.form(noUser).statusCode()).isEqualTo(400);
    assertThat(slack.form(noResponseUrl).statusCode()).isEqualTo(400);
    await()
        .pollDelay(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> fake.calls().isEmpty());
  }

  @Test
  void an_audit_that_cannot_start_is_answered_with_the_error_alone() {
    HttpResponse<String> unknown = command("U0ADA", "audit start no-such-audit Foo");
    HttpResponse<String> longSubject =
        command("U0ADA", "audit start audit-your-data " + "x".repeat(300));
    HttpResponse<String> export = command("U0ADA", "audit export abc");

    assertThat(unknown.body()).contains("no audit called").doesNotContain("Starting");
    assertThat(longSubject.body()).contains("1 to 120 characters").doesNotContain("Starting");
    assertThat(export.body()).contains("Give the audit number").doesNotContain("Preparing");
    await()
        .pollDelay(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> fake.calls("chat.postMessage").isEmpty() && fake.calls("response_url").isEmpty());
  }

  @Test
  void chat_control_sequences_typed_by_a_person_are_echoed_escaped() throws Exception {
    HttpResponse<String> response = command("U0ADA", "audit start <!channel> Foo");

    String text =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(response.body())
            .path("text")
            .asText();
    assertThat(text).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
  }

  @Test
  void an_out_of_range_reminder_interval_is_answered_plainly() {
    HttpResponse<String> response =
        command("UBOSS", "audit remind plan-for-mlops 99999999999 <@U0X> Churn");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("from 1 to 9999");
  }

  @Test
  void a_garbage_button_value_is_answered_specifically() {
    HttpResponse<String> response =
        slack.form(
            SlackRequests.blockAction(
                team,
                "U0ADA",
                "D0ADA",
                "1800000001.000100",
                null,
                false,
                ButtonCode.Audits.REPORT,
                "abc",
                fake.responseUrl("click")));

    assertThat(response.statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fake.calls("response_url").stream()
                    .anyMatch(c -> c.params().toString().contains("not one I recognise")));
    assertThat(log.stackTraces()).isEmpty();
  }
}
