package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachSnapshot;
import org.scalingcoach.TestCore;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.llm.FakeLlmServer;
import org.scalingcoach.llm.FakeLlmServer.Reply;
import org.scalingcoach.llm.LlmFeatures;

/**
 * A written answer streamed into Slack: real Jetty, signed requests, a fake Slack Web API and a
 * fake language model that writes a word every 200 ms.
 */
class SlackStreamingTest {
  private static final String REPLY =
      "Compare the live inputs with the training data and track accuracy against fresh labels"
          + " every week [1].";

  private SlackTestServer app;
  private FakeSlack fake;
  private FakeLlmServer model;
  private SlackRequests slack;

  @BeforeEach
  void start() throws Exception {
    model = new FakeLlmServer();
    CoachCore shared = TestCore.shared();
    LlmFeatures llm = SlackTestServer.fakeModel(model, shared);
    CoachCore core =
        new CoachCore(
            () ->
                new CoachSnapshot(
                    shared.knowledge(),
                    shared.retriever(),
                    llm.answers(new ExtractiveAnswerEngine(shared.knowledge(), shared.retriever())),
                    shared.catalog()),
            shared.database(),
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

  @Test
  void should_show_the_answer_growing_with_updates_then_the_final_answer_with_sources() {
    model.reply(Reply.streamed(REPLY, 0, 200));
    String team = "TSTREAM" + ProcessHandle.current().pid();

    slack.event(
        SlackRequests.envelope(
            team,
            "EvS1",
            SlackRequests.appMention(
                team,
                "C0GUILD",
                "U0ADA",
                "1800000900.000100",
                null,
                "<@UCOACHBOT> How do we know our model is drifting?")));

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
  }
}
