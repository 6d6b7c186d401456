package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachSnapshot;
import org.scalingcoach.TestCore;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.conversation.ButtonCode;
import org.scalingcoach.llm.FakeLlmServer;
import org.scalingcoach.llm.FakeLlmServer.Reply;
import org.scalingcoach.llm.LlmFeatures;
import org.scalingcoach.store.SlackFeedbackStore;

/**
 * A written answer streamed into Slack: real Jetty, signed requests, a fake Slack Web API and a
 * fake language model that writes a word every so often. Slack's native streaming is used where the
 * workspace offers it, {@code chat.update} edits where it refuses {@code chat.startStream}.
 */
class SlackStreamingTest {
  private static final String REPLY =
      "Compare the live inputs with the training data [1]. Track accuracy against fresh labels"
          + " every week [1]. Retrain when it drops [2].";

  private SlackTestServer app;
  private FakeSlack fake;
  private FakeLlmServer model;
  private SlackRequests slack;
  private CoachCore core;

  @BeforeEach
  void start() throws Exception {
    model = new FakeLlmServer();
    CoachCore shared = TestCore.shared();
    LlmFeatures llm = SlackTestServer.fakeModel(model);
    core =
        new CoachCore(
            () ->
                new CoachSnapshot(
                    shared.knowledge(),
                    shared.retriever(),
                    llm.answers(new ExtractiveAnswerEngine(shared.knowledge(), shared.retriever())),
                    shared.catalog()),
            llm);
    app = SlackTestServer.start(core);
    fake = app.fake();
    slack = app.slack();
  }

  @AfterEach
  void stop() {
    app.close();
    model.close();
  }

  private void mention(String team, String eventId, String ts) {
    slack.event(
        SlackRequests.envelope(
            team,
            eventId,
            SlackRequests.appMention(
                team,
                "C0GUILD",
                "U0ADA",
                ts,
                null,
                "<@UCOACHBOT> How do we know our model is drifting?")));
  }

  @Test
  void should_stream_natively_then_end_with_sources_and_feedback_buttons() {
    model.reply(Reply.streamed(REPLY, 0, 60));
    String team = "TNATIVE" + ProcessHandle.current().pid();

    mention(team, "EvN1", "1800000950.000100");

    await().atMost(Duration.ofSeconds(20)).until(() -> !fake.calls("chat.stopStream").isEmpty());
    FakeSlack.Call start = fake.calls("chat.startStream").get(0);
    assertThat(start.param("thread_ts")).isEqualTo("1800000950.000100");
    assertThat(start.param("recipient_team_id")).isEqualTo(team);
    assertThat(start.param("recipient_user_id")).isEqualTo("U0ADA");
    assertThat(start.param("markdown_text")).startsWith("Compare").doesNotContain("Retrain");
    FakeSlack.Call stop = fake.calls("chat.stopStream").get(0);
    String ts = stop.param("ts");
    assertThat(fake.streamedText(ts))
        .isEqualTo(
            "Compare the live inputs with the training data [1]. Track accuracy against fresh"
                + " labels every week [1]. Retrain when it drops [2].");
    assertThat(stop.param("blocks")).contains("Sources", "context_actions", "feedback_buttons");
    JsonNode blocks = stop.json("blocks");
    assertThat(blocks.get(blocks.size() - 1).path("type").asText()).isEqualTo("context_actions");
    assertThat(fake.calls("chat.update")).isEmpty();
    assertThat(fake.calls("chat.postMessage")).isEmpty();

    // A click on Slack's own thumbs-down is stored like the classic button.
    String down =
        blocks
            .get(blocks.size() - 1)
            .path("elements")
            .get(0)
            .path("negative_button")
            .path("value")
            .asText();
    slack.form(
        SlackRequests.blockAction(
            team,
            "U0BOB",
            "C0GUILD",
            ts,
            "1800000950.000100",
            false,
            ButtonCode.FEEDBACK_BUTTONS,
            down,
            fake.responseUrl("fb-native")));
    String answerId = down.substring(ButtonCode.DOWN_PREFIX.length());
    SlackFeedbackStore store = new SlackFeedbackStore(TestCore.database());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> store.find(team, answerId, "U0BOB").isPresent());
    assertThat(store.find(team, answerId, "U0BOB").orElseThrow().rating()).isEqualTo(-1);
  }

  @Test
  void should_never_let_a_streamed_answer_ping_anyone() {
    model.reply(
        Reply.streamed(
            "Tell <!channel> and <@U0BOSS> in <#C0ALL>: compare the live inputs with the training"
                + " data [1]. Retrain when it drops [2].",
            0,
            60));
    String team = "TPING" + ProcessHandle.current().pid();

    mention(team, "EvP1", "1800000951.000100");

    await().atMost(Duration.ofSeconds(20)).until(() -> !fake.calls("chat.stopStream").isEmpty());
    String streamed = fake.streamedText(fake.calls("chat.stopStream").get(0).param("ts"));
    assertThat(streamed)
        .doesNotContain("<!", "<@", "<#")
        .contains("<\u200B!channel>", "<\u200B@U0BOSS>", "compare the live inputs");
  }

  @Test
  void should_fall_back_to_edits_where_the_workspace_refuses_native_streaming() {
    fake.scriptNext(
        "chat.startStream", 200, Map.of(), "{\"ok\":false,\"error\":\"unknown_method\"}");
    model.reply(Reply.streamed(REPLY, 0, 250));
    String team = "TSTREAM" + ProcessHandle.current().pid();

    mention(team, "EvS1", "1800000900.000100");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> fake.calls("chat.update").stream().anyMatch(c -> c.param("blocks") != null));
    List<FakeSlack.Call> posts = fake.calls("chat.postMessage");
    List<FakeSlack.Call> updates = fake.calls("chat.update");
    assertThat(posts).hasSize(1);
    FakeSlack.Call first = posts.get(0);
    assertThat(first.param("thread_ts")).isEqualTo("1800000900.000100");
    assertThat(first.param("text")).startsWith("Compare").endsWith(StreamingMessage.WRITING);
    String postedTs = "1800000000.000001"; // the fake Slack's first message
    assertThat(updates).allSatisfy(u -> assertThat(u.param("ts")).isEqualTo(postedTs));
    List<FakeSlack.Call> partials =
        updates.stream().filter(u -> u.param("blocks") == null).toList();
    assertThat(partials).isNotEmpty();
    for (FakeSlack.Call partial : partials) {
      assertThat(partial.param("text")).endsWith(StreamingMessage.WRITING);
      assertThat(partial.param("text").length()).isGreaterThan(first.param("text").length());
    }
    for (int i = 1; i < partials.size(); i++) {
      long gap = partials.get(i).receivedNanos() - partials.get(i - 1).receivedNanos();
      assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
    FakeSlack.Call last = updates.get(updates.size() - 1);
    assertThat(last.param("blocks")).contains("Sources", "coach_feedback_up");
    assertThat(last.param("text")).doesNotContain(StreamingMessage.WRITING).contains("[1]");
    assertThat(fake.calls("chat.startStream")).hasSize(1);

    // The refusal is remembered: the next answer in that workspace goes straight to edits.
    mention(team, "EvS2", "1800000901.000100");
    await().atMost(Duration.ofSeconds(20)).until(() -> fake.calls("chat.postMessage").size() == 2);
    assertThat(fake.calls("chat.startStream")).hasSize(1);
  }
}
