package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.TestCore;
import org.scalingcoach.conversation.ButtonCode;
import org.scalingcoach.store.AssistantThreadStore;
import org.scalingcoach.store.Database;

/**
 * Who the coach answers in busy threads, double clicks on its buttons, and the assistant panel's
 * channel context: real Jetty on port 0, signed requests and the local fake Slack Web API.
 */
class SlackConversationEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String THREAD = "1800002000.000100";

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
    team = SlackTestServer.uniqueTeam("TC");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private void threadReply(String eventId, String user, String ts, String text) {
    slack.event(
        SlackRequests.envelope(
            team,
            eventId,
            SlackRequests.message(team, "C0GUILD", "channel", user, ts, THREAD, text)));
  }

  private List<FakeSlack.Call> awaitPosts(int count) {
    await().atMost(WAIT).until(() -> fake.calls("chat.postMessage").size() >= count);
    return fake.calls("chat.postMessage");
  }

  private void assertPostsStay(int count) {
    await()
        .during(Duration.ofMillis(500))
        .atMost(WAIT)
        .until(() -> fake.calls("chat.postMessage").size() == count);
  }

  private int asked(String question) {
    return TestCore.database()
        .withConnection(
            connection -> {
              try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT count(*) FROM question_log WHERE team_id = ? AND question = ?")) {
                statement.setString(1, team);
                statement.setString(2, question);
                try (ResultSet rs = statement.executeQuery()) {
                  rs.next();
                  return rs.getInt(1);
                }
              }
            });
  }

  @Test
  void should_answer_only_the_thread_replies_meant_for_the_coach() {
    slack.event(
        SlackRequests.envelope(
            team,
            "EvT1",
            SlackRequests.appMention(
                team, "C0GUILD", "U0ADA", THREAD, null, "<@UCOACHBOT> How do we detect drift?")));
    awaitPosts(1);

    // Colleagues talking to each other under the answer: no reply.
    threadReply(
        "EvT2", "U0BOB", "1800002000.000200", "Nice, I'll share this with the platform team.");
    threadReply(
        "EvT3", "U0BOB", "1800002000.000300", "<@U0CAROL> did you see the drift dashboard?");
    threadReply("EvT4", "U0ADA", "1800002000.000400", "<@U0BOB> thanks, let's discuss it tomorrow");
    // The asker continues without a question mark, and a colleague asks the coach a question.
    threadReply("EvT5", "U0ADA", "1800002000.000500", "Tell me more about retraining schedules");
    threadReply("EvT6", "U0BOB", "1800002000.000600", "what about feature drift");

    List<FakeSlack.Call> posts = awaitPosts(3);
    assertPostsStay(3);
    assertThat(posts).allSatisfy(p -> assertThat(p.param("thread_ts")).isEqualTo(THREAD));
    assertThat(asked("Tell me more about retraining schedules")).isEqualTo(1);
    assertThat(asked("what about feature drift")).isEqualTo(1);
    assertThat(asked("Nice, I'll share this with the platform team.")).isZero();
    assertThat(asked("someone did you see the drift dashboard?")).isZero();
    assertThat(asked("someone thanks, let's discuss it tomorrow")).isZero();
  }

  @Test
  void should_thank_back_for_a_thanks_in_the_thread_without_logging_it_as_a_question()
      throws Exception {
    // A database of its own: what the question log holds is this conversation's alone.
    Database own = CoachWiring.database(TestCore.config(TestCore.tempDir("thanks-")));
    try (SlackTestServer server = SlackTestServer.start(core, own, Map.of())) {
      server
          .slack()
          .event(
              SlackRequests.envelope(
                  team,
                  "EvThx1",
                  SlackRequests.appMention(
                      team,
                      "C0GUILD",
                      "U0ADA",
                      THREAD,
                      null,
                      "<@UCOACHBOT> How do we detect drift?")));
      await().atMost(WAIT).until(() -> server.fake().calls("chat.postMessage").size() == 1);

      server
          .slack()
          .event(
              SlackRequests.envelope(
                  team,
                  "EvThx2",
                  SlackRequests.message(
                      team,
                      "C0GUILD",
                      "channel",
                      "U0ADA",
                      "1800002000.000700",
                      THREAD,
                      "thanks!")));

      await().atMost(WAIT).until(() -> server.fake().calls("chat.postMessage").size() == 2);
      FakeSlack.Call thanks = server.fake().calls("chat.postMessage").get(1);
      assertThat(thanks.param("thread_ts")).isEqualTo(THREAD);
      assertThat(thanks.param("text")).startsWith("You're welcome");
      assertThat(logged(own)).containsExactly("How do we detect drift?");
    }
  }

  private List<String> logged(Database database) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT question FROM question_log WHERE team_id = ? ORDER BY id")) {
            statement.setString(1, team);
            List<String> questions = new java.util.ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                questions.add(rs.getString(1));
              }
            }
            return questions;
          }
        });
  }

  @Test
  void should_read_a_mention_with_the_shared_grammar_and_policy() {
    // given a mention that asks for help and one that asks for insights in a channel
    slack.event(
        SlackRequests.envelope(
            team,
            "EvG1",
            SlackRequests.appMention(team, "C0GUILD", "U0ADA", THREAD, null, "<@UCOACHBOT> help")));
    awaitPosts(1);
    slack.event(
        SlackRequests.envelope(
            team,
            "EvG2",
            SlackRequests.appMention(
                team,
                "C0GUILD",
                "U0ADA",
                "1800002100.000100",
                null,
                "<@UCOACHBOT> admin insights")));

    // then the conversation service answers both, and neither is asked as a question
    List<FakeSlack.Call> posts = awaitPosts(2);
    assertThat(posts.get(0).param("text")).startsWith("*Scaling Coach* answers questions");
    assertThat(posts.get(1).param("text")).contains("Insights stay private");
    assertThat(asked("help")).isZero();
    assertThat(asked("admin insights")).isZero();
  }

  @Test
  void should_answer_a_double_clicked_follow_up_button_once() {
    slack.event(
        SlackRequests.envelope(
            team,
            "EvT7",
            SlackRequests.appMention(
                team, "C0GUILD", "U0ADA", THREAD, null, "<@UCOACHBOT> How do we detect drift?")));
    String followUp =
        SlackRequests.buttonValue(
            awaitPosts(1).get(0).json("blocks"), ButtonCode.FOLLOW_UP_PREFIX + "0");
    String click =
        SlackRequests.blockAction(
            team,
            "U0ADA",
            "C0GUILD",
            "1800000000.000001",
            THREAD,
            false,
            ButtonCode.FOLLOW_UP_PREFIX + "0",
            followUp,
            fake.responseUrl("fu"));

    HttpResponse<String> first = slack.form(click);
    HttpResponse<String> second =
        slack.form(SlackRequests.clickedAgain(click, "1800000001.000999", "trigger-2"));
    HttpResponse<String> redelivered = slack.form(click);

    assertThat(List.of(first, second, redelivered))
        .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    awaitPosts(2);
    assertPostsStay(2);
    assertThat(asked(followUp)).isEqualTo(1);
  }

  @Test
  void should_answer_a_double_clicked_example_question_once_and_share_once() {
    String example =
        SlackRequests.homeAction(
            team,
            "U0ADA",
            ButtonCode.ASK_EXAMPLE_PREFIX + "0",
            org.scalingcoach.conversation.Welcome.EXAMPLES.get(0));
    slack.form(example);
    slack.form(SlackRequests.clickedAgain(example, "1800000001.000301", "trigger-3"));
    awaitPosts(1);
    assertPostsStay(1);

    slack.form(
        SlackRequests.slashCommand(
            team, "C0GUILD", "U0ADA", "How do we detect drift?", fake.responseUrl("cmd")));
    await().atMost(WAIT).until(() -> fake.calls("response_url").size() == 1);
    String answerId =
        SlackRequests.buttonValue(
            fake.calls("response_url").get(0).json("blocks"), AnswerBlocks.SHARE);
    String share =
        SlackRequests.blockAction(
            team,
            "U0ADA",
            "C0GUILD",
            "1800002100.000100",
            null,
            true,
            AnswerBlocks.SHARE,
            answerId,
            fake.responseUrl("share"));
    slack.form(share);
    slack.form(SlackRequests.clickedAgain(share, "1800000001.000401", "trigger-4"));

    await().atMost(WAIT).until(() -> fake.calls("response_url").size() >= 3);
    await()
        .during(Duration.ofMillis(500))
        .atMost(WAIT)
        .until(() -> fake.calls("response_url").size() == 3);
    assertThat(fake.calls("response_url"))
        .filteredOn(c -> "in_channel".equals(c.param("response_type")))
        .hasSize(1);
  }

  @Test
  void should_remember_the_channel_the_person_views_beside_the_assistant_panel() {
    String thread = "1800002200.000100";
    slack.event(
        SlackRequests.envelope(
            team, "EvT8", SlackRequests.assistantThreadStarted("U0ADA", "D0ADA", thread)));
    AssistantThreadStore threads = new AssistantThreadStore(TestCore.database(), Clock.systemUTC());
    await()
        .atMost(WAIT)
        .until(() -> !fake.calls("assistant.threads.setSuggestedPrompts").isEmpty());
    await().atMost(WAIT).until(() -> threads.contextChannel(team, "D0ADA", thread).isEmpty());

    HttpResponse<String> ack =
        slack.event(
            SlackRequests.envelope(
                team,
                "EvT9",
                SlackRequests.assistantThreadContextChanged(
                    team, "U0ADA", "D0ADA", thread, "C0GUILD")));

    assertThat(ack.statusCode()).isEqualTo(200);
    await()
        .atMost(WAIT)
        .until(() -> threads.contextChannel(team, "D0ADA", thread).orElse(""), "C0GUILD"::equals);
    slack.event(
        SlackRequests.envelope(
            team,
            "EvT10",
            SlackRequests.message(
                team,
                "D0ADA",
                "im",
                "U0ADA",
                "1800002200.000200",
                thread,
                "How do we detect drift?")));
    assertThat(awaitPosts(1).get(0).param("thread_ts")).isEqualTo(thread);
  }
}
