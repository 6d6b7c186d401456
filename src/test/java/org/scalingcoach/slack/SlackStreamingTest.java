package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachSnapshot;
import org.scalingcoach.TestCore;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.config.LlmSettings;
import org.scalingcoach.config.LlmSettings.Provider;
import org.scalingcoach.llm.FakeLlmServer;
import org.scalingcoach.llm.FakeLlmServer.Reply;
import org.scalingcoach.llm.LlmFeatures;
import org.scalingcoach.store.SqliteTokenUsageLog;
import org.scalingcoach.web.CoachServer;

/**
 * A written answer streamed into Slack: real Jetty, signed requests, a fake Slack Web API and a
 * fake language model that writes a word every 200 ms.
 */
class SlackStreamingTest {
  private static final String REPLY =
      "Compare the live inputs with the training data and track accuracy against fresh labels"
          + " every week [1].";

  private FakeSlack fake;
  private FakeLlmServer model;
  private CoachServer server;
  private SlackRequests slack;

  @BeforeEach
  void start() throws Exception {
    fake = FakeSlack.start();
    model = new FakeLlmServer();
    CoachCore shared = TestCore.shared();
    LlmSettings settings =
        new LlmSettings(
            Provider.OPENAI,
            "gpt-test",
            "test-key",
            Optional.of(URI.create(model.baseUrl())),
            Duration.ofSeconds(20),
            400,
            100,
            6,
            Path.of("prompts"));
    LlmFeatures llm = LlmFeatures.create(settings, new SqliteTokenUsageLog(shared.database()));
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
    Map<String, String> env = new HashMap<>();
    env.put("COACH_DATA_DIR", shared.database().file().getParent().toString());
    env.put("PORT", "0");
    env.put("SLACK_BOT_TOKEN", "xoxb-1-test-token");
    env.put("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET);
    env.put("SLACK_API_URL", fake.apiUrl());
    server = CoachServer.start(CoachConfig.fromEnvironment(env), core);
    slack = new SlackRequests(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
    model.close();
    fake.close();
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
