package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditEngine;
import org.scalingcoach.audit.AuditQuestion;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.Progress;

/**
 * What a Slack user can do with audits beyond running one, done in Teams: exports, the manager
 * view, re-audit reminders and nudges delivered proactively through the Connector, and help.
 */
class TeamsAuditParityEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A Teams user: Entra object id, Bot Framework id, name and personal chat with the bot. */
  record User(String aadId, String botFrameworkId, String name, String conversationId) {}

  private static final User MANAGER =
      new User(
          "5b2c8e41-7d3a-4f60-9a1e-c3d4e5f60718", "29:1manager-patti", "Patti Fernandez", "a:1pf");
  private static final User MEGAN =
      new User("d6a2f3c1-8b4e-4a7d-9c1f-2e5b7a9d0c34", "29:1megan-bowen", "Megan Bowen", "a:1mb");

  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
  private TeamsEndpoint endpoint;
  private int seen;

  @BeforeEach
  void start() {
    endpoint = new TeamsEndpoint(Map.of("COACH_MANAGERS", MANAGER.aadId()), clock);
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  @Test
  void should_export_a_finished_audit_as_a_markdown_message_and_the_exact_csv() {
    AuditRecord audit = finish(MEGAN, "audit-your-data", "Churn model EMEA", 2);

    List<FakeConnector.Call> replies = say(MEGAN, "audit export", 3);

    assertThat(replies)
        .allSatisfy(
            r -> {
              assertThat(r.method()).isEqualTo("POST");
              assertThat(r.path()).startsWith("/amer/v3/conversations/" + MEGAN.conversationId());
              assertThat(r.body().toString().length()).isLessThan(28_000);
            });
    String all =
        String.join("\n", replies.stream().map(r -> r.body().path("text").asText()).toList());
    assertThat(all).contains("Exports of Audit your data: Churn model EMEA");
    FakeConnector.Call markdown = replies.get(1);
    assertThat(markdown.body().path("textFormat").asText()).isEqualTo("markdown");
    assertThat(markdown.body().path("text").asText())
        .startsWith("# Audit your data: Churn model EMEA")
        .contains("| Dimension | Level | Score |");
    FakeConnector.Call csv = replies.get(replies.size() - 1);
    assertThat(csv.body().path("textFormat").asText()).isEqualTo("xml");
    assertThat(unescapePre(csv.body().path("text").asText()))
        .startsWith("audit,subject,finished,row,dimension,question,answer,level,score")
        .contains("Churn model EMEA")
        .contains(audit.finishedAt().toString());
  }

  @Test
  void should_show_a_manager_the_tenants_audits_with_history_and_others_only_their_own() {
    say(MEGAN, "help", 1); // Megan has written to the bot, so her name is known
    finish(MEGAN, "audit-your-data", "Churn model EMEA", 0);
    clock.advance(Duration.ofDays(30));
    finish(MEGAN, "audit-your-data", "Churn model EMEA", 3);
    AuditRecord fraud = finish(MANAGER, "plan-for-mlops", "Fraud model", 1);

    JsonNode team = card(say(MANAGER, "audit team", 1).get(0));
    assertThat(text(team))
        .contains("Team audits")
        .contains("Churn model EMEA")
        .contains("Fraud model")
        .contains("▲ improved")
        .contains("2 audits");
    ObjectNode historyButton =
        team.findValues("data").stream()
            .filter(d -> d.path(TeamsCards.ACTION).asText().equals("audit-history"))
            .filter(d -> d.path("subject").asText().equals("Churn model EMEA"))
            .map(d -> (ObjectNode) d.deepCopy())
            .findFirst()
            .orElseThrow();
    JsonNode history = card(click(MANAGER, historyButton).get(0));
    assertThat(text(history)).contains("History of Churn model EMEA").contains("by Megan Bowen");
    assertThat(text(history).lines().filter(l -> l.startsWith("- "))).hasSize(2);

    JsonNode own = card(say(MEGAN, "audit team", 1).get(0));
    assertThat(text(own))
        .contains("Your audits")
        .contains("Only managers see everyone's audits")
        .contains("Churn model EMEA")
        .doesNotContain("Fraud model");
    assertThat(text(card(say(MEGAN, "audit history plan-for-mlops Fraud model", 1).get(0))))
        .contains("No finished audits of that subject that you can see");
    assertThat(text(card(say(MEGAN, "audit export " + fraud.id(), 1).get(0))))
        .contains("belongs to someone else");
  }

  @Test
  void should_deliver_a_scheduled_re_audit_in_the_owners_personal_chat_when_it_is_due() {
    say(MEGAN, "help", 1);
    ObjectNode remind =
        message(MANAGER, "audit remind plan-for-mlops 30 <at>Megan Bowen</at> Fraud model");
    remind
        .withArray("entities")
        .addObject()
        .put("type", "mention")
        .put("text", "<at>Megan Bowen</at>")
        .putObject("mentioned")
        .put("id", MEGAN.botFrameworkId())
        .put("name", MEGAN.name());
    assertThat(text(card(post(remind, 1).get(0))))
        .contains("Scheduled: every 30 days Megan Bowen will be asked in Teams to audit")
        .contains("Fraud model");
    assertThat(text(card(say(MEGAN, "audit remind plan-for-mlops 30 Churn model", 1).get(0))))
        .contains("Only managers can schedule re-audits");

    clock.advance(Duration.ofDays(31));
    endpoint.audits.reminders().runDue();

    FakeConnector.Call reminder = awaitMore(List.of(), 1).get(0);
    assertThat(reminder.method()).isEqualTo("POST");
    assertThat(reminder.path())
        .isEqualTo("/amer/v3/conversations/" + MEGAN.conversationId() + "/activities");
    assertThat(reminder.authorization()).isEqualTo("Bearer " + FakeConnector.TOKEN);
    assertThat(reminder.body().path("conversation").path("tenantId").asText())
        .isEqualTo(TeamsTraffic.TENANT);
    JsonNode card = card(reminder);
    assertThat(text(card))
        .contains("It's time to run **Plan for MLOps** for **Fraud model** again");
    ObjectNode start = (ObjectNode) card.findValue("data").deepCopy();
    assertThat(start.path(TeamsCards.ACTION).asText()).isEqualTo("audit-start");

    FakeConnector.Call firstQuestion = click(MEGAN, start).get(0);
    assertThat(text(card(firstQuestion))).contains("Fraud model").contains("Question 1 of");
  }

  @Test
  void should_open_a_personal_chat_for_a_mentioned_owner_who_never_wrote_to_the_coach() {
    ObjectNode remind =
        message(MANAGER, "audit remind audit-your-data 7 <at>Lee Gu</at> Data lake");
    remind
        .withArray("entities")
        .addObject()
        .put("type", "mention")
        .putObject("mentioned")
        .put("id", "29:1lee-gu")
        .put("name", "Lee Gu");
    post(remind, 1);

    clock.advance(Duration.ofDays(8));
    endpoint.audits.reminders().runDue();

    List<FakeConnector.Call> calls = awaitMore(List.of(), 2);
    assertThat(calls.get(0).path()).isEqualTo("/amer/v3/conversations");
    assertThat(calls.get(0).body().path("members").get(0).path("id").asText())
        .isEqualTo("29:1lee-gu");
    assertThat(calls.get(0).body().path("tenantId").asText()).isEqualTo(TeamsTraffic.TENANT);
    assertThat(calls.get(1).path())
        .matches("/amer/v3/conversations/a:created-personal-\\d+/activities");
    assertThat(text(card(calls.get(1)))).contains("for **Data lake** again");
  }

  @Test
  void should_nudge_once_an_audit_left_open_for_a_week() {
    say(MEGAN, "help", 1);
    Progress started =
        endpoint.audits.engine().start(actor(MEGAN), "plan-for-mlops", "Recommendation engine");

    clock.advance(Duration.ofDays(8));
    endpoint.audits.reminders().runDue();
    FakeConnector.Call nudge = awaitMore(List.of(), 1).get(0);
    endpoint.audits.reminders().runDue();

    assertThat(nudge.path())
        .isEqualTo("/amer/v3/conversations/" + MEGAN.conversationId() + "/activities");
    assertThat(text(card(nudge))).contains("Recommendation engine").contains("waiting for a week");
    assertThat(card(nudge).findValue("data").path("audit").asLong())
        .isEqualTo(started.audit().id());
    assertThat(endpoint.connector.delivered()).hasSize(seen);
  }

  @Test
  void should_start_an_audit_typed_with_its_type_and_subject() {
    JsonNode first = card(say(MEGAN, "audit start plan-for-mlops Churn model", 1).get(0));

    assertThat(text(first)).contains("**Plan for MLOps** · Churn model").contains("Question 1 of");
  }

  @Test
  void should_keep_audits_and_team_results_out_of_channels() {
    ObjectNode inChannel = message(MANAGER, "audit team");
    ((ObjectNode) inChannel.path("conversation"))
        .put("conversationType", "channel")
        .put("isGroup", true)
        .put("id", "19:general@thread.tacv2");

    String reply = text(card(post(inChannel, 1).get(0)));

    assertThat(reply).contains("open a personal chat with me").doesNotContain("Fraud model");
  }

  @Test
  void should_refuse_an_audit_button_pressed_in_a_group_chat() {
    ObjectNode click = message(MEGAN, "");
    click.remove("text");
    click.set(
        "value",
        JSON.createObjectNode()
            .put(TeamsCards.ACTION, "audit-start")
            .put("type", "plan-for-mlops")
            .put("subject", "Churn model"));
    ((ObjectNode) click.path("conversation"))
        .put("conversationType", "groupChat")
        .put("id", "19:group@thread.v2");

    String reply = text(card(post(click, 1).get(0)));

    assertThat(reply).contains("open a personal chat with me").doesNotContain("Question 1 of");
    assertThat(endpoint.audits.history().visible(actor(MEGAN))).isEmpty();
  }

  @Test
  void should_list_what_the_coach_understands_on_help() {
    String help = text(card(say(MEGAN, "help", 1).get(0)));

    assertThat(help)
        .contains("Any question")
        .contains("**audit**")
        .contains("**audit export**")
        .contains("**audit team**")
        .contains("**audit history**")
        .contains("**audit remind**")
        .contains("**admin reload**");
  }

  private AuditRecord finish(User user, String type, String subject, int optionIndex) {
    AuditEngine engine = endpoint.audits.engine();
    Actor actor = actor(user);
    Progress progress = engine.start(actor, type, subject);
    while (!progress.readyToFinish()) {
      AuditQuestion q = progress.question();
      String option = q.options().get(Math.min(optionIndex, q.options().size() - 1)).id();
      progress =
          engine.answer(actor, progress.audit().id(), progress.audit().revision(), q.id(), option);
    }
    return engine.finish(actor, progress.audit().id());
  }

  private static Actor actor(User user) {
    return new Actor(TeamsTraffic.TENANT, user.aadId());
  }

  /** A personal-chat message from the user, shaped like real Teams traffic. */
  private ObjectNode message(User user, String text) {
    ObjectNode activity = read(endpoint.activity("personal-message"));
    activity.put("text", text);
    ((ObjectNode) activity.path("from"))
        .put("id", user.botFrameworkId())
        .put("name", user.name())
        .put("aadObjectId", user.aadId());
    ((ObjectNode) activity.path("conversation")).put("id", user.conversationId());
    return activity;
  }

  private List<FakeConnector.Call> say(User user, String text, int replies) {
    return post(message(user, text), replies);
  }

  /** Presses an Action.Submit button as the user. */
  private List<FakeConnector.Call> click(User user, ObjectNode data) {
    ObjectNode activity = message(user, "");
    activity.remove("text");
    activity.set("value", data);
    return post(activity, 1);
  }

  private List<FakeConnector.Call> post(ObjectNode activity, int replies) {
    assertThat(endpoint.post(activity.toString()).statusCode()).isEqualTo(202);
    return awaitMore(List.of(), replies);
  }

  /** Waits for {@code more} new Connector calls after those already seen and returns them all. */
  private List<FakeConnector.Call> awaitMore(List<FakeConnector.Call> earlier, int more) {
    int from = seen;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> endpoint.connector.delivered().size() >= from + more);
    List<FakeConnector.Call> calls = endpoint.connector.delivered();
    seen = from + more;
    List<FakeConnector.Call> all = new java.util.ArrayList<>(earlier);
    all.addAll(calls.subList(from, seen));
    return all;
  }

  private static JsonNode card(FakeConnector.Call call) {
    return call.body().path("attachments").get(0).path("content");
  }

  private static String text(JsonNode card) {
    return String.join("\n", card.findValuesAsText("text"));
  }

  private static String unescapePre(String html) {
    return html.replaceFirst("^<pre>", "")
        .replaceFirst("</pre>$", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static ObjectNode read(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
