package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.LoggedLines;
import org.scalingcoach.TestCore;
import org.scalingcoach.config.TeamsGraphSettings;
import org.scalingcoach.delivery.CutOff;
import org.scalingcoach.delivery.Delivery;
import org.scalingcoach.delivery.DeliveryWorkers;
import org.scalingcoach.delivery.Inbox;
import org.scalingcoach.delivery.LeaseLostException;
import org.scalingcoach.delivery.NewDelivery;
import org.scalingcoach.delivery.Retry;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.SqliteInbox;

/**
 * A Teams reply that reached the Connector, but whose activity id was never recorded because the
 * process died right then, resumed by the next start: with Graph reading on, the coach finds the
 * marked card in the conversation and does not send it again; when Graph refuses, fails or is too
 * slow, or is not configured, it sends it again (a duplicate rather than a loss) and says why.
 */
class TeamsGraphReadBackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String APP_ID = FakeKeyServer.APP_ID;

  private FakeConnector connector;
  private FakeGraph graph;
  private Database database;
  private SqliteInbox inbox;
  private LoggedLines logged;

  @BeforeEach
  void start() {
    connector = FakeConnector.start();
    graph = FakeGraph.start(connector, APP_ID);
    database = Database.open(TestCore.tempDir("teams-graph-").resolve("coach.db"));
    inbox = new SqliteInbox(database);
    logged = LoggedLines.of(ConnectorClient.class);
  }

  @AfterEach
  void stop() {
    logged.close();
    database.close();
    graph.close();
    connector.close();
  }

  /** The waits between Graph reads, recorded instead of slept. */
  private final List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();

  private ConnectorClient client(Duration graphTimeout) {
    HttpClient http = HttpClient.newHttpClient();
    return new ConnectorClient(http, Optional.empty(), 1, Duration.ZERO)
        .readingBackThrough(
            new GraphReplies(
                http,
                new TeamsGraphSettings(URI.create(graph.graphUrl()), graph.tokenUrl()),
                APP_ID,
                "app-password",
                Clock.systemUTC(),
                graphTimeout,
                new Retry(3, Duration.ofMillis(500), waits::add)));
  }

  /** The person's question, in {@code fixture}'s conversation, and the coach's reply to it. */
  private record Question(TeamsActivity activity, NewDelivery delivery) {
    DeliveryWorkers.Work reply(ConnectorClient client) {
      return () ->
          client.reply(
              activity.serviceUrl(),
              activity.conversationId(),
              activity.id(),
              activity.replyWithCard(TeamsCards.notice("the answer")));
    }
  }

  private Question question(String fixture) throws Exception {
    String raw = TeamsTraffic.activity(fixture, connector.serviceUrl(), "1740900000777");
    TeamsActivity activity = new TeamsActivity(JSON.readTree(raw));
    return new Question(
        activity,
        new NewDelivery(
            "teams",
            activity.tenantId(),
            "activity:" + activity.conversationId() + ":" + activity.id(),
            raw));
  }

  /** Sends the reply, then dies before its id is recorded: the worst moment of a kill. */
  private void sendAndDieBeforeTheRecord(Question question, ConnectorClient client)
      throws Exception {
    CutOff.acceptAndDie(new DiesOnRecord(inbox), question.delivery(), question.reply(client));
    assertThat(inbox.unfinished())
        .singleElement()
        .satisfies(
            left -> {
              assertThat(left.state()).isEqualTo(Delivery.State.SENDING);
              assertThat(left.sent()).isEmpty();
            });
    assertThat(posts()).hasSize(1);
  }

  private void restart(Question question, ConnectorClient client) {
    CutOff.resume(inbox, "teams", delivery -> question.reply(client).run());
  }

  private List<FakeConnector.Call> posts() {
    return connector.delivered().stream().filter(c -> c.method().equals("POST")).toList();
  }

  private List<String> warnings() {
    return logged.atLeast(Level.WARN);
  }

  private String sentRefs() {
    return TestCore.sentRefs(database);
  }

  @Test
  void should_find_the_interrupted_reply_in_the_personal_chat_and_not_send_it_again()
      throws Exception {
    Question question = question("personal-message");
    ConnectorClient client = client(Duration.ofSeconds(5));
    sendAndDieBeforeTheRecord(question, client);

    restart(question, client);

    assertThat(posts()).hasSize(1);
    assertThat(sentRefs()).isEqualTo(posts().get(0).id());
    assertThat(warnings()).isEmpty();
    FakeGraph.Request read = graph.requests().get(0);
    assertThat(read.path())
        .isEqualTo(
            "/v1.0/chats/19:d6a2f3c1-8b4e-4a7d-9c1f-2e5b7a9d0c34_"
                + APP_ID
                + "@unq.gbl.spaces/messages");
    assertThat(read.query())
        .contains("$top=50")
        .contains("$orderby=lastModifiedDateTime desc")
        // the fixture's question was sent at 10:15:32; the reply is looked for from 5 minutes
        // before
        .contains("$filter=lastModifiedDateTime gt 2025-03-01T10:10:32Z");
    assertThat(read.authorization()).isEqualTo("Bearer " + FakeGraph.TOKEN_PREFIX + "1");
    assertThat(graph.tokenRequests())
        .singleElement()
        .satisfies(
            token -> {
              assertThat(token.tenant()).isEqualTo(TeamsTraffic.TENANT);
              assertThat(token.form())
                  .containsEntry("grant_type", "client_credentials")
                  .containsEntry("client_id", APP_ID)
                  .containsEntry("client_secret", "app-password")
                  .containsEntry("scope", "https://graph.microsoft.com/.default");
            });
  }

  @Test
  void should_find_the_interrupted_reply_among_the_replies_of_the_channel_thread()
      throws Exception {
    Question question = question("channel-mention");
    ConnectorClient client = client(Duration.ofSeconds(5));
    sendAndDieBeforeTheRecord(question, client);

    restart(question, client);

    assertThat(posts()).hasSize(1);
    assertThat(graph.requests().get(0).path())
        .isEqualTo(
            "/v1.0/teams/4a3b2c1d-5e6f-4a7b-8c9d-0e1f2a3b4c5d/channels/19:7b1e5c3a9d2f4e8b"
                + "@thread.tacv2/messages/1740900000777/replies");
  }

  @Test
  void should_not_read_graph_for_a_reply_that_had_not_started_going_out() throws Exception {
    Question question = question("personal-message");
    ConnectorClient client = client(Duration.ofSeconds(5));
    CutOff.acceptAndDie(new DiesOnSending(inbox), question.delivery(), question.reply(client));
    assertThat(posts()).isEmpty();

    restart(question, client);

    assertThat(posts()).hasSize(1);
    assertThat(graph.requests()).isEmpty(); // it had not started sending: nothing to look for
  }

  @Test
  void should_tell_another_deliverys_card_from_the_interrupted_one() throws Exception {
    Question first = question("personal-message");
    ConnectorClient client = client(Duration.ofSeconds(5));
    sendAndDieBeforeTheRecord(first, client);
    String raw = TeamsTraffic.activity("personal-message", connector.serviceUrl(), "1740900000778");
    TeamsActivity later = new TeamsActivity(JSON.readTree(raw));
    Question second =
        new Question(
            later,
            new NewDelivery(
                "teams",
                later.tenantId(),
                "activity:" + later.conversationId() + ":" + later.id(),
                raw));
    // The second question's reply was cut off the same way, but in the same chat.
    CutOff.acceptAndDie(
        new DiesOnSendingAfterMarking(inbox), second.delivery(), second.reply(client));

    CutOff.resume(
        inbox,
        "teams",
        delivery ->
            (delivery.key().equals(first.delivery().key()) ? first : second).reply(client).run());

    // The first is found and kept; the second is not in the chat and is sent.
    assertThat(posts()).hasSize(2);
    assertThat(posts().get(1).path()).endsWith("/activities/1740900000778");
  }

  @Test
  void should_send_again_and_say_why_when_graph_refuses_the_read() throws Exception {
    Question question = question("personal-message");
    ConnectorClient client = client(Duration.ofSeconds(5));
    sendAndDieBeforeTheRecord(question, client);
    graph.script(403);

    restart(question, client);

    assertThat(posts()).hasSize(2);
    assertThat(warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w)
                    .contains("HTTP 403")
                    .contains("Chat.Read.WhereInstalled")
                    .contains("sending it again rather than risk losing it"));
  }

  @Test
  void should_send_again_and_say_why_when_graph_keeps_failing() throws Exception {
    Question question = question("personal-message");
    ConnectorClient client = client(Duration.ofSeconds(5));
    sendAndDieBeforeTheRecord(question, client);
    graph.script(500, 502, 500);

    restart(question, client);

    assertThat(graph.requests()).hasSize(3); // every attempt, then it gives up
    assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(posts()).hasSize(2);
    assertThat(warnings()).singleElement().satisfies(w -> assertThat(w).contains("HTTP 500"));
  }

  @Test
  void should_read_again_after_a_throttled_and_a_failed_read_and_find_the_reply() throws Exception {
    Question question = question("personal-message");
    ConnectorClient client = client(Duration.ofSeconds(5));
    sendAndDieBeforeTheRecord(question, client);
    graph.script(429, 503);

    restart(question, client);

    // The throttled read waits as long as Graph asked, the failed one the backoff.
    assertThat(waits)
        .containsExactly(Duration.ofSeconds(FakeGraph.RETRY_AFTER_SECONDS), Duration.ofSeconds(1));
    assertThat(graph.requests()).hasSize(3);
    assertThat(posts()).hasSize(1); // found on the third read: not sent again
    assertThat(sentRefs()).isEqualTo(posts().get(0).id());
    assertThat(warnings()).isEmpty();
  }

  @Test
  void should_not_read_again_after_a_refusal() throws Exception {
    Question question = question("personal-message");
    ConnectorClient client = client(Duration.ofSeconds(5));
    sendAndDieBeforeTheRecord(question, client);
    graph.script(403, 403);

    restart(question, client);

    assertThat(graph.requests()).hasSize(1); // consent is missing: reading again cannot help
    assertThat(waits).isEmpty();
    assertThat(posts()).hasSize(2);
  }

  @Test
  void should_send_again_and_say_why_when_graph_is_too_slow() throws Exception {
    Question question = question("personal-message");
    ConnectorClient client = client(Duration.ofMillis(300));
    sendAndDieBeforeTheRecord(question, client);
    graph.delay = Duration.ofSeconds(3);

    restart(question, client);

    assertThat(posts()).hasSize(2);
    assertThat(warnings())
        .singleElement()
        .satisfies(w -> assertThat(w).contains("Graph did not answer").contains("timed out"));
  }

  @Test
  void should_send_again_and_say_so_once_when_graph_reading_is_off() throws Exception {
    Question question = question("personal-message");
    ConnectorClient client =
        new ConnectorClient(HttpClient.newHttpClient(), Optional.empty(), 1, Duration.ZERO);
    sendAndDieBeforeTheRecord(question, client);

    restart(question, client);

    assertThat(posts()).hasSize(2);
    assertThat(graph.requests()).isEmpty();
    assertThat(logged.atLeast(Level.TRACE))
        .filteredOn(m -> m.contains("TEAMS_GRAPH_READ"))
        .hasSize(1);
  }

  @Test
  void should_mark_each_card_with_its_delivery_and_place_and_leave_the_callers_card_alone()
      throws Exception {
    ObjectNode activity =
        (ObjectNode) JSON.readTree(TeamsTraffic.activity("personal-message", "x"));
    ObjectNode reply = new TeamsActivity(activity).replyWithCard(TeamsCards.notice("hi"));
    String first = ReplyMarkers.of("teams", "t", "activity:a:1:2", 0);

    ObjectNode marked = ReplyMarkers.marked(reply, first).orElseThrow();

    assertThat(first).isNotEqualTo(ReplyMarkers.of("teams", "t", "activity:a:1:2", 1));
    assertThat(first).isNotEqualTo(ReplyMarkers.of("teams", "t", "activity:a:1:3", 0));
    assertThat(
            marked
                .path("attachments")
                .path(0)
                .path("content")
                .path("body")
                .path(0)
                .path("id")
                .asText())
        .isEqualTo(first);
    assertThat(reply.toString()).doesNotContain(first);
    assertThat(
            ReplyMarkers.carries(
                marked.path("attachments").path(0).path("content").toString(), first))
        .isTrue();
    assertThat(
            ReplyMarkers.marked(new TeamsActivity(activity).replyWithText("markdown", "x"), first))
        .isEmpty();
  }

  /** The inbox of a process killed the moment the Connector answered, before the id was kept. */
  private static class DiesOnRecord extends Wrapped {
    DiesOnRecord(Inbox inbox) {
      super(inbox);
    }

    @Override
    public void replied(long id, List<String> sent, Instant now) {
      throw new CutOff.Died();
    }
  }

  /** The inbox of a process killed as its reply was about to go out. */
  private static class DiesOnSending extends Wrapped {
    DiesOnSending(Inbox inbox) {
      super(inbox);
    }

    @Override
    public void sending(long id, Instant now) {
      throw new CutOff.Died();
    }
  }

  /** Killed just after noting the reply is going out, before the message left. */
  private static class DiesOnSendingAfterMarking extends Wrapped {
    DiesOnSendingAfterMarking(Inbox inbox) {
      super(inbox);
    }

    @Override
    public void sending(long id, Instant now) {
      super.sending(id, now);
      throw new CutOff.Died();
    }
  }

  private static class Wrapped implements Inbox {
    private final Inbox inbox;

    Wrapped(Inbox inbox) {
      this.inbox = inbox;
    }

    @Override
    public Duration lease() {
      return inbox.lease();
    }

    @Override
    public Optional<Long> add(NewDelivery delivery, Instant now) {
      return inbox.add(delivery, now);
    }

    @Override
    public Optional<Delivery> addClaimed(NewDelivery delivery, Instant now) {
      return inbox.addClaimed(delivery, now);
    }

    @Override
    public Optional<Delivery> claim(long id, Instant now) {
      return inbox.claim(id, now);
    }

    @Override
    public void sending(long id, Instant now) throws LeaseLostException {
      inbox.sending(id, now);
    }

    @Override
    public void replied(long id, List<String> sent, Instant now) {
      inbox.replied(id, sent, now);
    }

    @Override
    public void finish(long id, Delivery.State state, Instant now) {
      inbox.finish(id, state, now);
    }

    @Override
    public List<Delivery> unfinished() {
      return inbox.unfinished();
    }

    @Override
    public int renew(Instant now) {
      return inbox.renew(now);
    }

    @Override
    public List<Long> takeOver(Instant now, int max) {
      return inbox.takeOver(now, max);
    }

    @Override
    public List<Long> resumeAtStart(Instant now) {
      return inbox.resumeAtStart(now);
    }

    @Override
    public int prune(Instant before) {
      return inbox.prune(before);
    }
  }
}
