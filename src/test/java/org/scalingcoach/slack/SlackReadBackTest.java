package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.LoggedLines;
import org.scalingcoach.TestCore;
import org.scalingcoach.delivery.CutOff;
import org.scalingcoach.delivery.Delivery;
import org.scalingcoach.delivery.DeliveryWorkers;
import org.scalingcoach.delivery.Inbox;
import org.scalingcoach.delivery.NewDelivery;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.SqliteInbox;

/**
 * A Slack message that reached Slack, but whose {@code ts} was never recorded because the process
 * died right then, resumed by the next start: each message of a reply carries a mark in its
 * metadata, so the coach finds it in the conversation (the app's DM for a post by user id, the
 * thread for a threaded one) and does not post it again; a message that is not there is posted, and
 * when the conversation cannot be read the message is posted again and the log says why.
 */
class SlackReadBackTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FakeSlack fake;
  private Database database;
  private SqliteInbox inbox;
  private SlackWebApi slack;
  private LoggedLines logged;

  @BeforeEach
  void start() {
    fake = FakeSlack.start();
    database = Database.open(TestCore.tempDir("slack-read-back-").resolve("coach.db"));
    inbox = new SqliteInbox(database);
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(fake.apiUrl());
    slack = new SlackWebApi(Slack.getInstance(config), "xoxb-1-test", d -> {});
    logged = LoggedLines.of(SlackWebApi.class);
  }

  @AfterEach
  void stop() {
    logged.close();
    database.close();
    fake.close();
  }

  /** A slash command's reply: its first question posted to the person by user id. */
  private DeliveryWorkers.Work firstQuestion() {
    return () -> post("U0CMD", null, "Question 1 of 8");
  }

  private ChatPostMessageResponse post(String channel, String thread, String text) {
    return slack.call(
        "chat.postMessage",
        c -> c.chatPostMessage(r -> r.channel(channel).threadTs(thread).text(text)));
  }

  /** The inbox of a process killed the moment Slack answered its {@code n}th post. */
  private Inbox diesOnRecord(int n) {
    AtomicInteger records = new AtomicInteger();
    return (Inbox)
        Proxy.newProxyInstance(
            Inbox.class.getClassLoader(),
            new Class<?>[] {Inbox.class},
            (proxy, method, args) -> {
              if (method.getName().equals("replied") && records.incrementAndGet() == n) {
                throw new CutOff.Died();
              }
              try {
                return method.invoke(inbox, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private NewDelivery command() {
    return new NewDelivery("slack", "T0CMD", "trigger:cmd-1", "{}");
  }

  private List<FakeSlack.Call> posts() {
    return fake.calls("chat.postMessage");
  }

  private JsonNode metadata(FakeSlack.Call post) throws Exception {
    return JSON.readTree(post.param("metadata"));
  }

  @Test
  void should_find_a_message_posted_by_user_id_in_the_apps_dm_and_not_post_it_again()
      throws Exception {
    CutOff.acceptAndDie(diesOnRecord(1), command(), firstQuestion());
    assertThat(inbox.unfinished())
        .singleElement()
        .satisfies(
            left -> {
              assertThat(left.state()).isEqualTo(Delivery.State.SENDING);
              assertThat(left.sent()).isEmpty();
            });

    CutOff.resume(inbox, "slack", delivery -> firstQuestion().run());

    assertThat(posts()).hasSize(1);
    assertThat(metadata(posts().get(0)).path("event_type").asText())
        .isEqualTo(SlackWebApi.MARK_EVENT);
    assertThat(metadata(posts().get(0)).path("event_payload").path("mark").asText())
        .startsWith("coach-m-");
    assertThat(fake.calls("conversations.open"))
        .singleElement()
        .satisfies(open -> assertThat(open.param("users")).isEqualTo("U0CMD"));
    assertThat(fake.calls("conversations.history"))
        .singleElement()
        .satisfies(
            read ->
                assertThat(read.params())
                    .containsEntry("channel", "D0CMD")
                    .containsEntry("include_all_metadata", "1"));
    assertThat(sentRefs()).isEqualTo("D0CMD/" + posts().get(0).param(FakeSlack.POSTED_TS));
    assertThat(logged.at(Level.WARN)).isEmpty();
    assertThat(logged.at(Level.INFO))
        .anyMatch(line -> line.contains("is in the conversation") && line.contains("not posted"));
  }

  @Test
  void should_find_the_second_message_of_a_reply_among_its_threads_replies() throws Exception {
    DeliveryWorkers.Work reply =
        () -> {
          ChatPostMessageResponse report = post("C0CHAN", null, "the report");
          post(report.getChannel(), report.getTs(), "the chart");
        };
    CutOff.acceptAndDie(diesOnRecord(2), command(), reply);
    assertThat(inbox.unfinished().get(0).sent()).hasSize(1);

    CutOff.resume(inbox, "slack", delivery -> reply.run());

    assertThat(posts()).extracting(p -> p.param("text")).containsExactly("the report", "the chart");
    assertThat(metadata(posts().get(0)).path("event_payload").path("mark").asText())
        .isNotEqualTo(metadata(posts().get(1)).path("event_payload").path("mark").asText());
    assertThat(fake.calls("conversations.replies"))
        .singleElement()
        .satisfies(
            read ->
                assertThat(read.params())
                    .containsEntry("channel", "C0CHAN")
                    .containsEntry("ts", posts().get(0).param(FakeSlack.POSTED_TS)));
    assertThat(fake.calls("conversations.open")).isEmpty();
    assertThat(sentRefs().split("\n")).hasSize(2);
  }

  @Test
  void should_post_a_message_the_conversation_does_not_hold() throws Exception {
    // Died after the first message was recorded and the reply was marked as going on: the second
    // may be out, and it is not.
    CutOff.acceptAndDie(
        inbox,
        command(),
        () -> {
          post("C0CHAN", null, "the report");
          slack.call(
              "chat.update", c -> c.chatUpdate(r -> r.channel("C0CHAN").ts("1").text("done")));
          throw new CutOff.Died();
        });

    CutOff.resume(
        inbox,
        "slack",
        delivery -> {
          post("C0CHAN", null, "the report");
          post("C0CHAN", null, "the next question");
        });

    assertThat(posts())
        .extracting(p -> p.param("text"))
        .containsExactly("the report", "the next question");
    assertThat(fake.calls("conversations.history")).hasSize(1);
    assertThat(logged.at(Level.INFO)).anyMatch(line -> line.contains("is not in the conversation"));
  }

  @Test
  void should_post_again_and_say_why_when_the_conversation_cannot_be_read() throws Exception {
    CutOff.acceptAndDie(diesOnRecord(1), command(), firstQuestion());
    fake.scriptNext(
        "conversations.history",
        200,
        Map.of("Content-Type", "application/json"),
        "{\"ok\":false,\"error\":\"missing_scope\"}");

    CutOff.resume(inbox, "slack", delivery -> firstQuestion().run());

    assertThat(posts()).hasSize(2);
    assertThat(logged.at(Level.WARN))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("cannot tell whether message 0")
                    .contains("missing_scope")
                    .contains("posting it again"));
  }

  @Test
  void should_not_read_the_conversation_for_a_message_that_had_not_started_going_out()
      throws Exception {
    CutOff.acceptAndDie(
        inbox,
        command(),
        () -> {
          throw new CutOff.Died();
        });

    CutOff.resume(inbox, "slack", delivery -> firstQuestion().run());

    assertThat(posts()).hasSize(1);
    assertThat(metadata(posts().get(0)).path("event_type").asText())
        .isEqualTo(SlackWebApi.MARK_EVENT);
    assertThat(fake.calls("conversations.history")).isEmpty();
    assertThat(fake.calls("conversations.open")).isEmpty();
  }

  @Test
  void should_leave_a_post_outside_any_delivery_unmarked() {
    post("C0CHAN", null, "a reminder");

    assertThat(posts().get(0).param("metadata")).isNull();
  }

  private String sentRefs() {
    return TestCore.sentRefs(database);
  }
}
