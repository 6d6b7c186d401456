package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.CoachCore;
import org.scalingcoach.TestCore;
import org.scalingcoach.conversation.ButtonCode;
import org.scalingcoach.conversation.ConversationService;
import org.scalingcoach.store.SlackFeedbackStore;

/**
 * The Slack app end to end: real Jetty on port 0, requests signed as Slack signs them, and a local
 * fake Slack Web API that records what the coach sends back.
 */
class SlackAppEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

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
    team = SlackTestServer.uniqueTeam("T");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> mention(String eventId, String ts, String threadTs, String text) {
    return slack.event(
        SlackRequests.envelope(
            team, eventId, SlackRequests.appMention(team, "C0GUILD", "U0ADA", ts, threadTs, text)));
  }

  private List<FakeSlack.Call> awaitPosts(int count) {
    await().atMost(WAIT).until(() -> fake.calls("chat.postMessage").size() >= count);
    return fake.calls("chat.postMessage");
  }

  private static String text(JsonNode blocks) {
    return blocks.toString();
  }

  private List<Integer> questionLog(String question) {
    return TestCore.database()
        .withConnection(
            connection -> {
              try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT answered FROM question_log WHERE team_id = ? AND question = ?")) {
                statement.setString(1, team);
                statement.setString(2, question);
                List<Integer> answered = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                  while (rs.next()) {
                    answered.add(rs.getInt(1));
                  }
                }
                return answered;
              }
            });
  }

  @Test
  void should_answer_a_mention_in_a_thread_with_sources_and_feedback_buttons() {
    HttpResponse<String> ack =
        mention("Ev01", "1800000100.000100", null, "<@UCOACHBOT> How do we detect model drift?");

    assertThat(ack.statusCode()).isEqualTo(200);
    FakeSlack.Call post = awaitPosts(1).get(0);
    assertThat(post.param("channel")).isEqualTo("C0GUILD");
    assertThat(post.param("thread_ts")).isEqualTo("1800000100.000100");
    assertThat(post.param("text")).isNotBlank();
    JsonNode blocks = post.json("blocks");
    assertThat(text(blocks)).contains("*Sources*", "›", "[1]");
    assertThat(SlackRequests.buttonValue(blocks, ButtonCode.FEEDBACK_UP)).isNotBlank();
    assertThat(text(blocks)).doesNotContain("**");
    assertThat(questionLog("How do we detect model drift?")).containsExactly(1);
  }

  @Test
  void should_answer_a_direct_message_in_the_conversation() {
    slack.event(
        SlackRequests.envelope(
            team,
            "Ev02",
            SlackRequests.message(
                team,
                "D0ADA",
                "im",
                "U0ADA",
                "1800000200.000100",
                null,
                "What costs do teams forget when they move AI to production?")));

    FakeSlack.Call post = awaitPosts(1).get(0);
    assertThat(post.param("channel")).isEqualTo("D0ADA");
    assertThat(post.param("thread_ts")).isNull();
    assertThat(text(post.json("blocks"))).contains("*Sources*");
  }

  @Test
  void should_answer_a_follow_up_in_a_thread_it_answered_without_a_new_mention() {
    mention("Ev03", "1800000300.000100", null, "<@UCOACHBOT> How do we detect model drift?");
    awaitPosts(1);

    slack.event(
        SlackRequests.envelope(
            team,
            "Ev04",
            SlackRequests.message(
                team,
                "C0GUILD",
                "channel",
                "U0ADA",
                "1800000300.000200",
                "1800000300.000100",
                "And how often should we retrain?")));

    FakeSlack.Call followUp = awaitPosts(2).get(1);
    assertThat(followUp.param("thread_ts")).isEqualTo("1800000300.000100");
    assertThat(questionLog("And how often should we retrain?")).containsExactly(1);
  }

  @Test
  void should_stay_quiet_in_threads_it_did_not_answer_and_for_bots() {
    slack.event(
        SlackRequests.envelope(
            team,
            "Ev05",
            SlackRequests.message(
                team,
                "C0GUILD",
                "channel",
                "U0ADA",
                "1800000400.000200",
                "1800000400.000100",
                "How do we detect model drift?")));
    slack.event(
        SlackRequests.envelope(
            team,
            "Ev06",
            SlackRequests.botMessage(
                "D0ADA", "im", "1800000400.000300", "How do we detect model drift?")));
    // A question afterwards proves the two above were processed (the pool keeps order per queue).
    mention("Ev07", "1800000400.000400", null, "<@UCOACHBOT> How do we detect model drift?");

    awaitPosts(1);
    await()
        .during(Duration.ofMillis(300))
        .atMost(WAIT)
        .until(() -> fake.calls("chat.postMessage").size() == 1);
    assertThat(fake.calls("chat.postMessage").get(0).param("thread_ts"))
        .isEqualTo("1800000400.000400");
  }

  @Test
  void should_answer_a_retried_or_duplicated_delivery_once_even_after_a_restart() throws Exception {
    mention("Ev08", "1800000500.000100", null, "<@UCOACHBOT> How do we detect model drift?");
    mention("Ev08", "1800000500.000100", null, "<@UCOACHBOT> How do we detect model drift?");
    HttpResponse<String> retry =
        slack.event(
            SlackRequests.envelope(
                team,
                "Ev08",
                SlackRequests.appMention(
                    team,
                    "C0GUILD",
                    "U0ADA",
                    "1800000500.000100",
                    null,
                    "<@UCOACHBOT> How do we detect model drift?")),
            "X-Slack-Retry-Num",
            "1",
            "X-Slack-Retry-Reason",
            "http_timeout");
    assertThat(retry.statusCode()).isEqualTo(200);
    awaitPosts(1);

    app.restart();
    slack = app.slack();
    slack.event(
        SlackRequests.envelope(
            team,
            "Ev08",
            SlackRequests.appMention(
                team,
                "C0GUILD",
                "U0ADA",
                "1800000500.000100",
                null,
                "<@UCOACHBOT> How do we detect model drift?")),
        "X-Slack-Retry-Num",
        "2",
        "X-Slack-Retry-Reason",
        "http_timeout");
    // The same message delivered as a message event under another id is the same question too.
    slack.event(
        SlackRequests.envelope(
            team,
            "Ev09",
            SlackRequests.message(
                team,
                "C0GUILD",
                "channel",
                "U0ADA",
                "1800000500.000100",
                "1800000500.000100",
                "How do we detect model drift?")));

    await()
        .during(Duration.ofMillis(500))
        .atMost(WAIT)
        .until(() -> fake.calls("chat.postMessage").size() == 1);
  }

  @Test
  void should_answer_a_slash_command_privately_and_share_it_on_request() {
    HttpResponse<String> ack =
        slack.form(
            SlackRequests.slashCommand(
                team,
                "C0GUILD",
                "U0ADA",
                "How do we detect model drift?",
                fake.responseUrl("cmd1")));

    assertThat(ack.statusCode()).isEqualTo(200);
    await().atMost(WAIT).until(() -> !fake.calls("response_url").isEmpty());
    FakeSlack.Call answer = fake.calls("response_url").get(0);
    assertThat(answer.param("response_type")).isEqualTo("ephemeral");
    JsonNode blocks = answer.json("blocks");
    assertThat(text(blocks)).contains("*Sources*");
    String answerId = SlackRequests.buttonValue(blocks, AnswerBlocks.SHARE);

    slack.form(
        SlackRequests.blockAction(
            team,
            "U0ADA",
            "C0GUILD",
            "1800000600.000100",
            null,
            true,
            AnswerBlocks.SHARE,
            answerId,
            fake.responseUrl("share1")));

    await().atMost(WAIT).until(() -> fake.calls("response_url").size() >= 3);
    List<FakeSlack.Call> responses = fake.calls("response_url");
    assertThat(responses.get(1).param("response_type")).isEqualTo("in_channel");
    assertThat(text(responses.get(1).json("blocks"))).contains("<@U0ADA> asked");
    assertThat(responses.get(2).param("delete_original")).isEqualTo("true");
  }

  @Test
  void should_greet_an_empty_command_and_show_help_for_help() throws Exception {
    HttpResponse<String> empty =
        slack.form(
            SlackRequests.slashCommand(team, "C0GUILD", "U0ADA", " ", fake.responseUrl("h1")));
    HttpResponse<String> help =
        slack.form(
            SlackRequests.slashCommand(team, "C0GUILD", "U0ADA", "help", fake.responseUrl("h2")));

    assertThat(empty.statusCode()).isEqualTo(200);
    JsonNode greeting = new ObjectMapper().readTree(empty.body());
    assertThat(greeting.path("response_type").asText()).isEqualTo("ephemeral");
    // The same greeting Teams shows for an empty message: who the coach is, what it knows,
    // example questions to click, and where the help is.
    assertThat(text(greeting.path("blocks")))
        .contains("Hi, I'm Scaling Coach", "*/coach help*", "Data governance");
    assertThat(
            SlackRequests.buttonValue(greeting.path("blocks"), ButtonCode.ASK_EXAMPLE_PREFIX + "0"))
        .isNotBlank();
    assertThat(new ObjectMapper().readTree(help.body()).path("text").asText())
        .contains("/coach help", "/coach &lt;your question&gt;");
  }

  @Test
  void should_publish_the_app_home_with_topics_and_example_questions() {
    slack.event(
        SlackRequests.envelope(team, "Ev10", SlackRequests.appHomeOpened("U0ADA", "D0ADA")));

    await().atMost(WAIT).until(() -> !fake.calls("views.publish").isEmpty());
    FakeSlack.Call publish = fake.calls("views.publish").get(0);
    assertThat(publish.param("user_id")).isEqualTo("U0ADA");
    JsonNode view = publish.json("view");
    assertThat(view.path("type").asText()).isEqualTo("home");
    assertThat(view.toString())
        .contains(
            "What I know about", ButtonCode.ASK_EXAMPLE_PREFIX + "0", "Data governance at scale");
  }

  @Test
  void should_answer_an_example_question_clicked_on_the_home_tab_in_a_direct_message() {
    slack.form(
        SlackRequests.homeAction(
            team,
            "U0ADA",
            ButtonCode.ASK_EXAMPLE_PREFIX + "0",
            org.scalingcoach.conversation.Welcome.EXAMPLES.get(0)));

    FakeSlack.Call post = awaitPosts(1).get(0);
    assertThat(post.param("channel")).isEqualTo("U0ADA");
    assertThat(text(post.json("blocks"))).contains("<@U0ADA> asked");
  }

  @Test
  void should_store_feedback_with_question_sources_user_and_workspace() {
    mention("Ev11", "1800000700.000100", null, "<@UCOACHBOT> How do we detect model drift?");
    FakeSlack.Call post = awaitPosts(1).get(0);
    String answerId = SlackRequests.buttonValue(post.json("blocks"), ButtonCode.FEEDBACK_DOWN);

    HttpResponse<String> ack =
        slack.form(
            SlackRequests.blockAction(
                team,
                "U0BOB",
                "C0GUILD",
                "1800000001.000001",
                "1800000700.000100",
                false,
                ButtonCode.FEEDBACK_DOWN,
                answerId,
                fake.responseUrl("fb1")));

    assertThat(ack.statusCode()).isEqualTo(200);
    SlackFeedbackStore store = new SlackFeedbackStore(TestCore.database());
    await().atMost(WAIT).until(() -> store.find(team, answerId, "U0BOB").isPresent());
    SlackFeedbackStore.Feedback feedback = store.find(team, answerId, "U0BOB").orElseThrow();
    assertThat(feedback.rating()).isEqualTo(-1);
    assertThat(feedback.question()).isEqualTo("How do we detect model drift?");
    assertThat(feedback.sources()).contains("#");
    await().atMost(WAIT).until(() -> !fake.calls("response_url").isEmpty());
    assertThat(fake.calls("response_url").get(0).param("text"))
        .isEqualTo(ConversationService.THANKS_DOWN);
  }

  @Test
  void should_ask_a_follow_up_question_when_its_button_is_clicked() {
    mention("Ev12", "1800000800.000100", null, "<@UCOACHBOT> How do we detect model drift?");
    FakeSlack.Call post = awaitPosts(1).get(0);
    String followUp =
        SlackRequests.buttonValue(post.json("blocks"), ButtonCode.FOLLOW_UP_PREFIX + "0");

    slack.form(
        SlackRequests.blockAction(
            team,
            "U0ADA",
            "C0GUILD",
            "1800000001.000001",
            "1800000800.000100",
            false,
            ButtonCode.FOLLOW_UP_PREFIX + "0",
            followUp,
            fake.responseUrl("fu1")));

    FakeSlack.Call answer = awaitPosts(2).get(1);
    assertThat(answer.param("thread_ts")).isEqualTo("1800000800.000100");
    assertThat(text(answer.json("blocks"))).contains("asked: _" + Mrkdwn.escape(followUp));
    assertThat(questionLog(followUp)).hasSize(1);
  }

  @Test
  void should_say_a_button_no_longer_works_when_no_release_knows_its_format() {
    HttpResponse<String> ack =
        slack.form(
            SlackRequests.blockAction(
                team,
                "U0ADA",
                "C0GUILD",
                "1800000001.000001",
                "1800000850.000100",
                false,
                "coach_rate_answer_3",
                "a-1:5",
                fake.responseUrl("old1")));

    assertThat(ack.statusCode()).isEqualTo(200);
    await().atMost(WAIT).until(() -> !fake.calls("response_url").isEmpty());
    assertThat(fake.calls("response_url").get(0).param("text"))
        .isEqualTo(ConversationService.BUTTON_GONE);
  }

  @Test
  void should_set_prompts_and_a_status_in_the_assistant_panel() {
    slack.event(
        SlackRequests.envelope(
            team,
            "Ev13",
            SlackRequests.assistantThreadStarted("U0ADA", "D0ADA", "1800000900.000100")));
    await()
        .atMost(WAIT)
        .until(() -> !fake.calls("assistant.threads.setSuggestedPrompts").isEmpty());
    FakeSlack.Call prompts = fake.calls("assistant.threads.setSuggestedPrompts").get(0);
    assertThat(prompts.param("thread_ts")).isEqualTo("1800000900.000100");
    assertThat(prompts.param("prompts"))
        .contains(org.scalingcoach.conversation.Welcome.EXAMPLES.get(0));

    slack.event(
        SlackRequests.envelope(
            team,
            "Ev14",
            SlackRequests.message(
                team,
                "D0ADA",
                "im",
                "U0ADA",
                "1800000900.000200",
                "1800000900.000100",
                "How do we detect model drift?")));

    FakeSlack.Call post = awaitPosts(1).get(0);
    assertThat(post.param("thread_ts")).isEqualTo("1800000900.000100");
    FakeSlack.Call status = fake.calls("assistant.threads.setStatus").get(0);
    assertThat(status.param("status")).isEqualTo(SlackAnswerer.THINKING);
    assertThat(status.receivedNanos()).isLessThan(post.receivedNanos());
  }

  @Test
  void should_refuse_a_bad_signature_or_an_old_timestamp_with_401() {
    String body =
        SlackRequests.envelope(
            team,
            "Ev15",
            SlackRequests.appMention(team, "C0GUILD", "U0ADA", "1800001000.000100", null, "hi"));
    long now = Instant.now().getEpochSecond();

    HttpResponse<String> forged = slack.post("application/json", body, "wrong-secret", now);
    HttpResponse<String> old =
        slack.post("application/json", body, SlackRequests.SIGNING_SECRET, now - 6 * 60);

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(old.statusCode()).isEqualTo(401);
    assertThat(fake.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void should_retry_after_a_rate_limit() {
    fake.scriptNext(
        "chat.postMessage",
        429,
        Map.of("Retry-After", "1"),
        "{\"ok\":false,\"error\":\"ratelimited\"}");

    mention("Ev16", "1800001100.000100", null, "<@UCOACHBOT> How do we detect model drift?");

    List<FakeSlack.Call> posts = awaitPosts(2);
    assertThat(posts).hasSize(2);
    assertThat(posts.get(1).param("blocks")).isEqualTo(posts.get(0).param("blocks"));
    assertThat(Duration.ofNanos(posts.get(1).receivedNanos() - posts.get(0).receivedNanos()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void should_show_an_error_message_when_slack_refuses_the_answer() {
    fake.scriptNext(
        "chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"invalid_blocks\"}");

    mention("Ev17", "1800001200.000100", null, "<@UCOACHBOT> How do we detect model drift?");

    FakeSlack.Call apology = awaitPosts(2).get(1);
    assertThat(apology.param("text")).isEqualTo(Mrkdwn.fromMarkdown(ConversationService.SORRY));
    assertThat(apology.param("thread_ts")).isEqualTo("1800001200.000100");
  }

  @Test
  void should_answer_malformed_or_oversized_bodies_with_4xx() {
    HttpResponse<String> notJson = slack.event("{\"type\": \"event_callback\", \"event\": ");
    HttpResponse<String> badForm = slack.form("payload=%7Bnot-json");
    HttpResponse<String> huge = slack.event("{\"type\":\"" + "x".repeat(2 << 20) + "\"}");

    assertThat(notJson.statusCode()).isBetween(400, 499);
    assertThat(badForm.statusCode()).isBetween(400, 499);
    assertThat(huge.statusCode()).isEqualTo(413);
  }
}
