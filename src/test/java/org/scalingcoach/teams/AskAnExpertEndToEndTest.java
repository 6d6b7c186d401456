package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.expert.KnowledgeDrafts;
import org.scalingcoach.knowledge.KnowledgeParser;
import org.scalingcoach.slack.FakeSlack;
import org.scalingcoach.slack.SlackRequests;

/**
 * "Ask an expert" over the real server, signed Slack requests and authenticated Teams activities,
 * against the local fake Slack Web API and fake Bot Connector.
 */
class AskAnExpertEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String TEAM = "TEXPERT";
  private static final String EMPLOYEE = "UEMPLOYEE";
  private static final String EXPERT = "UEXPERT";
  private static final String GENERAL = "C0GENERAL";
  private static final String DRIFT = "How do we know our model is drifting?";
  private static final AtomicInteger TS = new AtomicInteger();

  private ExpertsFixture fixture;
  private FakeSlack fake;

  @BeforeEach
  void start() throws Exception {
    fixture = new ExpertsFixture();
    fake = fixture.slackApi;
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  // ---- Slack helpers -------------------------------------------------------------------

  private static String ts() {
    return "1800001000." + String.format("%06d", TS.incrementAndGet());
  }

  /** The employee mentions the coach in #general; returns the thread and the answer's id. */
  private String[] mention(String question) {
    String ts = ts();
    fixture.slack.event(
        SlackRequests.envelope(
            TEAM,
            "Ev" + ts,
            SlackRequests.appMention(
                TEAM, GENERAL, EMPLOYEE, ts, null, "<@" + FakeSlack.BOT_USER + "> " + question)));
    FakeSlack.Call answer =
        await()
            .atMost(WAIT)
            .until(
                () -> posts(GENERAL).stream().filter(c -> ts.equals(c.param("thread_ts"))).toList(),
                l -> !l.isEmpty())
            .get(0);
    // The answer id is on the 👍 of an answer, and on "Ask an expert" under a refusal (which has
    // nothing to rate).
    String blocks = answer.param("blocks");
    String id =
        blocks.contains("coach_feedback_up")
            ? buttonValue(blocks, "coach_feedback_up")
            : buttonValue(blocks, "coach_expert_ask");
    return new String[] {ts, id, blocks};
  }

  private List<FakeSlack.Call> posts(String channel) {
    return fake.calls("chat.postMessage").stream()
        .filter(c -> channel.equals(c.param("channel")))
        .toList();
  }

  private static String buttonValue(String blocks, String actionId) {
    for (JsonNode block : ExpertsFixture.json(blocks)) {
      for (JsonNode element : block.path("elements")) {
        if (actionId.equals(element.path("action_id").asText())) {
          return element.path("value").asText();
        }
      }
    }
    throw new AssertionError("no " + actionId + " button in " + blocks);
  }

  private HttpResponse<String> click(
      String user, String channel, String messageTs, String actionId, String value) {
    return fixture.slack.form(
        SlackRequests.blockAction(
            TEAM,
            user,
            channel,
            messageTs,
            null,
            false,
            actionId,
            value,
            fake.responseUrl(actionId + "-" + user)));
  }

  private HttpResponse<String> submit(String user, String callback, String metadata, String text) {
    return fixture.slack.form(
        SlackRequests.viewSubmission(
            TEAM, user, callback, metadata, Map.of("text", Map.of("text_input", text))));
  }

  private JsonNode awaitView(int count) {
    await().atMost(WAIT).until(() -> fake.calls("views.open").size() >= count);
    return fake.calls("views.open").get(count - 1).json("view");
  }

  /** Asks the experts about the answer {@code answerId} through the button and the modal. */
  private FakeSlack.Call askExperts(String answerId, String expertsChannel, String context) {
    int views = fake.calls("views.open").size();
    click(EMPLOYEE, GENERAL, "1800000000.000001", "coach_expert_ask", answerId);
    JsonNode view = awaitView(views + 1);
    assertThat(view.path("callback_id").asText()).isEqualTo("coach_expert_ask_view");
    submit(EMPLOYEE, "coach_expert_ask_view", view.path("private_metadata").asText(), context);
    return await().atMost(WAIT).until(() -> posts(expertsChannel), l -> !l.isEmpty()).get(0);
  }

  private List<FakeSlack.Call> updates(String ts) {
    return fake.calls("chat.update").stream().filter(c -> ts.equals(c.param("ts"))).toList();
  }

  private List<FakeSlack.Call> ephemeral(String actionId, String user) {
    return fake.calls("response_url").stream()
        .filter(c -> c.param("path").endsWith("/" + actionId + "-" + user))
        .toList();
  }

  // ---- Slack ---------------------------------------------------------------------------

  @Test
  void should_route_a_voted_down_answer_to_its_topic_experts_and_deliver_the_thread_answer()
      throws Exception {
    String[] asked = mention(DRIFT);
    click(EMPLOYEE, GENERAL, "1800000000.000001", "coach_feedback_down", asked[1]);
    FakeSlack.Call offer =
        await()
            .atMost(WAIT)
            .until(() -> ephemeral("coach_feedback_down", EMPLOYEE), l -> !l.isEmpty())
            .get(0);
    assertThat(buttonValue(offer.param("blocks"), "coach_expert_ask")).isEqualTo(asked[1]);

    FakeSlack.Call question = askExperts(asked[1], "C0MLOPS", "we deploy weekly on k8s");
    assertThat(blocks(question))
        .contains(DRIFT)
        .contains("<@" + EMPLOYEE + ">")
        .contains("we deploy weekly on k8s")
        .contains("The coach said")
        .contains("Sources")
        .contains("coach_expert_answer")
        .contains("coach_expert_not_for_us")
        .contains("coach_expert_claim");
    await()
        .atMost(WAIT)
        .until(
            () ->
                posts(GENERAL).stream()
                    .anyMatch(c -> c.param("text").contains("Sent to the experts")));
    String id = buttonValue(question.param("blocks"), "coach_expert_claim");
    String messageTs = messageTs(question);

    click(EXPERT, "C0MLOPS", messageTs, "coach_expert_claim", id);
    await().atMost(WAIT).until(() -> updates(messageTs).size() == 1);
    assertThat(blocks(updates(messageTs).get(0))).contains("Claimed by <@" + EXPERT + ">");

    click("UOTHEREXPERT", "C0MLOPS", messageTs, "coach_expert_claim", id);
    FakeSlack.Call second =
        await()
            .atMost(WAIT)
            .until(() -> ephemeral("coach_expert_claim", "UOTHEREXPERT"), l -> !l.isEmpty())
            .get(0);
    assertThat(second.param("text")).contains("Already claimed by someone else");

    String replyTs = ts();
    fixture.slack.event(
        SlackRequests.envelope(
            TEAM,
            "Ev" + replyTs,
            SlackRequests.message(
                TEAM,
                "C0MLOPS",
                "channel",
                EXPERT,
                replyTs,
                messageTs,
                "Compare live feature distributions with training &amp; alert on PSI &gt; 0.2")));
    FakeSlack.Call delivered =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    posts(GENERAL).stream()
                        .filter(
                            c ->
                                c.param("blocks") != null
                                    && c.param("blocks").contains("answered your question"))
                        .toList(),
                l -> !l.isEmpty())
            .get(0);
    assertThat(delivered.param("thread_ts")).isEqualTo(asked[0]);
    assertThat(blocks(delivered))
        .contains("<@" + EXPERT + ">")
        .contains("alert on PSI")
        .contains("coach_feedback_up")
        .contains("coach_feedback_down");
    await().atMost(WAIT).until(() -> updates(messageTs).size() == 2);
    String answeredCard = blocks(updates(messageTs).get(1));
    assertThat(answeredCard)
        .contains("Answered by <@" + EXPERT + "> ✓")
        .contains("coach_expert_draft");

    int views = fake.calls("views.open").size();
    click("UOTHEREXPERT", "C0MLOPS", messageTs, "coach_expert_answer", id);
    await()
        .atMost(WAIT)
        .until(() -> ephemeral("coach_expert_answer", "UOTHEREXPERT"), l -> !l.isEmpty());
    assertThat(ephemeral("coach_expert_answer", "UOTHEREXPERT").get(0).param("text"))
        .contains("Already answered by " + EXPERT);
    assertThat(fake.calls("views.open")).hasSize(views);

    click(EXPERT, "C0MLOPS", messageTs, "coach_expert_draft", id);
    FakeSlack.Call notAdmin =
        await()
            .atMost(WAIT)
            .until(() -> ephemeral("coach_expert_draft", EXPERT), l -> !l.isEmpty())
            .get(0);
    assertThat(notAdmin.param("text")).contains("Only admins");
    click(ExpertsFixture.ADMIN, "C0MLOPS", messageTs, "coach_expert_draft", id);
    FakeSlack.Call drafted =
        await()
            .atMost(WAIT)
            .until(() -> ephemeral("coach_expert_draft", ExpertsFixture.ADMIN), l -> !l.isEmpty())
            .get(0);
    assertThat(drafted.param("text")).contains("Draft written to drafts/expert-" + id);
    Path draft =
        fixture.knowledgeDir.resolve(
            drafted.param("text").replaceAll(".*Draft written to ", "").strip());
    String markdown = Files.readString(draft, StandardCharsets.UTF_8);
    assertThat(new KnowledgeParser().parse(draft, markdown).problems()).isEmpty();
    assertThat(markdown)
        .contains("topic: model-retraining")
        .contains("## " + DRIFT)
        .contains("owner: \"" + EXPERT + "\"")
        .contains("alert on PSI > 0.2");
    assertThat(new KnowledgeDrafts(fixture.knowledgeDir).check()).isEmpty();

    fixture.slack.form(
        SlackRequests.slashCommand(
            TEAM, GENERAL, ExpertsFixture.ADMIN, "admin insights", fake.responseUrl("insights")));
    FakeSlack.Call insights =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    fake.calls("response_url").stream()
                        .filter(c -> c.param("path").endsWith("/insights"))
                        .toList(),
                l -> !l.isEmpty())
            .get(0);
    assertThat(blocks(insights)).contains("Asked the experts").contains("Drafted").contains(DRIFT);
  }

  @Test
  void
      should_send_a_topic_question_on_to_the_default_channel_then_tell_the_employee_it_was_declined() {
    String[] asked = mention(DRIFT);
    FakeSlack.Call question = askExperts(asked[1], "C0MLOPS", "");
    String id = buttonValue(question.param("blocks"), "coach_expert_claim");
    String messageTs = messageTs(question);

    int views = fake.calls("views.open").size();
    click(EXPERT, "C0MLOPS", messageTs, "coach_expert_not_for_us", id);
    JsonNode modal = awaitView(views + 1);
    assertThat(modal.path("callback_id").asText()).isEqualTo("coach_expert_not_for_us_view");
    submit(EXPERT, "coach_expert_not_for_us_view", modal.path("private_metadata").asText(), "");

    FakeSlack.Call rerouted =
        await().atMost(WAIT).until(() -> posts("C0DEFAULT"), l -> !l.isEmpty()).get(0);
    assertThat(blocks(rerouted)).contains(DRIFT).contains("coach_expert_answer");
    await().atMost(WAIT).until(() -> !updates(messageTs).isEmpty());
    assertThat(blocks(updates(messageTs).get(0)))
        .contains("Sent on to the default experts")
        .doesNotContain("coach_expert_answer");

    click("UDEFAULTEXPERT", "C0DEFAULT", messageTs(rerouted), "coach_expert_not_for_us", id);
    JsonNode second = awaitView(views + 2);
    submit(
        "UDEFAULTEXPERT",
        "coach_expert_not_for_us_view",
        second.path("private_metadata").asText(),
        "this belongs to the vendor's support desk");

    FakeSlack.Call told =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    posts(GENERAL).stream()
                        .filter(c -> c.param("text").contains("could not take your question"))
                        .toList(),
                l -> !l.isEmpty())
            .get(0);
    assertThat(told.param("thread_ts")).isEqualTo(asked[0]);
    assertThat(told.param("text")).contains("the vendor's support desk");
    assertThat(fixture.experts.desk().find(Long.parseLong(id)).orElseThrow().state().id())
        .isEqualTo("declined");
  }

  @Test
  void
      should_offer_experts_on_an_out_of_scope_reply_and_remind_the_channel_once_after_the_target() {
    String[] asked = mention("What is the best pizza in Naples?");
    assertThat(blocks(posts(GENERAL).get(0))).contains("coach_expert_ask");
    FakeSlack.Call question = askExperts(asked[1], "C0DEFAULT", "asking for a team lunch");
    String messageTs = messageTs(question);

    fixture.clock.advance(Duration.ofHours(3));
    fixture.experts.runDue();
    assertThat(posts("C0DEFAULT")).hasSize(1);

    fixture.clock.advance(Duration.ofHours(2));
    fixture.experts.runDue();
    fixture.experts.runDue();
    List<FakeSlack.Call> reminders =
        posts("C0DEFAULT").stream().filter(c -> messageTs.equals(c.param("thread_ts"))).toList();
    assertThat(reminders).hasSize(1);
    assertThat(reminders.get(0).param("text")).contains("response-time target");

    fixture.clock.advance(Duration.ofDays(3));
    fixture.experts.runDue();
    await()
        .atMost(WAIT)
        .until(
            () ->
                posts(GENERAL).stream()
                    .anyMatch(
                        c ->
                            asked[0].equals(c.param("thread_ts"))
                                && c.param("text").contains("closed it")));
    assertThat(fixture.experts.desk().askedBy("slack", TEAM, EMPLOYEE).get(0).state().id())
        .isEqualTo("expired");
  }

  @Test
  void should_refuse_someone_outside_the_experts_channel_and_change_nothing() {
    String[] asked = mention(DRIFT);
    FakeSlack.Call question = askExperts(asked[1], "C0MLOPS", "");
    String id = buttonValue(question.param("blocks"), "coach_expert_claim");

    click("UOUTSIDER", "C0RANDOM", messageTs(question), "coach_expert_claim", id);
    FakeSlack.Call refused =
        await()
            .atMost(WAIT)
            .until(() -> ephemeral("coach_expert_claim", "UOUTSIDER"), l -> !l.isEmpty())
            .get(0);
    assertThat(refused.param("text")).contains("Only the experts this question was routed to");

    HttpResponse<String> answer =
        submit("UOUTSIDER", "coach_expert_answer_view", id + "\nC0RANDOM", "my two cents");
    assertThat(answer.body()).contains("errors").contains("Only the experts");
    assertThat(fixture.experts.desk().find(Long.parseLong(id)).orElseThrow().state().id())
        .isEqualTo("open");
    assertThat(fake.calls("chat.update")).isEmpty();
  }

  @Test
  void should_list_the_employees_questions_with_their_states() {
    String[] asked = mention(DRIFT);
    askExperts(asked[1], "C0MLOPS", "");

    HttpResponse<String> mine =
        fixture.slack.form(
            SlackRequests.slashCommand(
                TEAM, GENERAL, EMPLOYEE, "my questions", fake.responseUrl("mine")));

    fixture.slack.event(
        SlackRequests.envelope(
            TEAM, "EvHome" + ts(), SlackRequests.appHomeOpened(EMPLOYEE, "D0EMPLOYEE")));
    FakeSlack.Call home =
        await().atMost(WAIT).until(() -> fake.calls("views.publish"), l -> !l.isEmpty()).get(0);
    assertThat(home.json("view").toString())
        .contains("Your questions to the experts")
        .contains(DRIFT);
    assertThat(mine.body())
        .contains("Your questions to the experts")
        .contains("open")
        .contains(DRIFT);
  }

  // ---- Teams ---------------------------------------------------------------------------

  private List<FakeConnector.Call> connectorCalls(String method, String pathPart) {
    return fixture.connector.delivered().stream()
        .filter(c -> c.method().equals(method) && c.path().contains(pathPart))
        .toList();
  }

  @Test
  void should_let_an_expert_in_teams_answer_an_employee_in_slack() {
    fixture.teams(fixture.teamsMessage("hello")); // Teams has talked to the bot: its URL is known
    await().atMost(WAIT).until(() -> !fixture.connector.delivered().isEmpty());
    String[] asked = mention("What should we check in our data before scaling?");
    int views = fake.calls("views.open").size();
    click(EMPLOYEE, GENERAL, "1800000000.000001", "coach_feedback_down", asked[1]);
    await().atMost(WAIT).until(() -> !ephemeral("coach_feedback_down", EMPLOYEE).isEmpty());
    click(EMPLOYEE, GENERAL, "1800000000.000001", "coach_expert_ask", asked[1]);
    JsonNode view = awaitView(views + 1);
    submit(EMPLOYEE, "coach_expert_ask_view", view.path("private_metadata").asText(), "");

    String channel = "19:gov-experts@thread.tacv2";
    FakeConnector.Call posted =
        await().atMost(WAIT).until(() -> connectorCalls("POST", channel), l -> !l.isEmpty()).get(0);
    String card = posted.body().toString();
    assertThat(card).contains("What should we check in our data").contains("(in Slack)");
    assertThat(card)
        .contains("expert_answer")
        .contains("expert_claim")
        .contains("expert_not_for_us");
    long id = fixture.experts.desk().askedBy("slack", TEAM, EMPLOYEE).get(0).id();

    HttpResponse<String> answered =
        fixture.teams(
            fixture.teamsExecute(
                ExpertsFixture.data("expert_answer")
                    .put("id", id)
                    .put(
                        org.scalingcoach.conversation.ExpertReplies.inputKey("expert_answer"),
                        "Profile nulls, duplicates and label leakage first."),
                channel,
                "expert-aad-1"));
    assertThat(answered.body()).contains("Answered");

    FakeSlack.Call delivered =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    posts(GENERAL).stream()
                        .filter(
                            c ->
                                c.param("blocks") != null
                                    && c.param("blocks").contains("answered your question"))
                        .toList(),
                l -> !l.isEmpty())
            .get(0);
    assertThat(delivered.param("thread_ts")).isEqualTo(asked[0]);
    assertThat(blocks(delivered)).contains("label leakage").contains("expert-aad-1 (in Teams)");
    await().atMost(WAIT).until(() -> !connectorCalls("PUT", channel).isEmpty());
    assertThat(connectorCalls("PUT", channel).get(0).body().toString())
        .contains("Answered by expert-aad-1");

    HttpResponse<String> again =
        fixture.teams(
            fixture.teamsExecute(
                ExpertsFixture.data("expert_claim").put("id", id), channel, "expert-aad-2"));
    assertThat(again.body()).contains("Already answered");
  }

  @Test
  void should_let_a_slack_expert_answer_a_teams_employee_in_their_personal_chat() {
    fixture.teams(fixture.teamsMessage("What is the best pizza in Naples?"));
    FakeConnector.Call reply =
        await().atMost(WAIT).until(() -> fixture.connector.delivered(), l -> !l.isEmpty()).get(0);
    assertThat(reply.body().toString()).contains("Ask an expert");
    String personal = reply.body().path("conversation").path("id").asText();

    HttpResponse<String> sent =
        fixture.teams(
            fixture.teamsExecute(
                ExpertsFixture.data("expert_ask")
                    .put("question", "What is the best pizza in Naples?")
                    .put("text", "for the offsite"),
                null,
                ExpertsFixture.TEAMS_EMPLOYEE));
    assertThat(sent.body()).contains("Sent to the experts");
    FakeSlack.Call question =
        await().atMost(WAIT).until(() -> posts("C0DEFAULT"), l -> !l.isEmpty()).get(0);
    assertThat(blocks(question)).contains("(in Teams)").contains("for the offsite");
    String id = buttonValue(question.param("blocks"), "coach_expert_answer");

    submit(EXPERT, "coach_expert_answer_view", id + "\nC0DEFAULT", "Ask the facilities team.");

    FakeConnector.Call delivered =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    fixture.connector.delivered().stream()
                        .filter(c -> c.body().toString().contains("Ask the facilities team"))
                        .toList(),
                l -> !l.isEmpty())
            .get(0);
    assertThat(delivered.path()).contains(personal);
    assertThat(delivered.body().toString()).contains("answered your question").contains("feedback");

    fixture.teams(fixture.teamsMessage("my questions"));
    FakeConnector.Call mine =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    fixture.connector.delivered().stream()
                        .filter(c -> c.body().toString().contains("Your questions to the experts"))
                        .toList(),
                l -> !l.isEmpty())
            .get(0);
    assertThat(mine.body().toString()).contains("answered").contains("best pizza");
  }

  /** The blocks of a call as JSON text without the client's HTML-safe escapes. */
  private static String blocks(FakeSlack.Call call) {
    return ExpertsFixture.json(call.param("blocks")).toString();
  }

  private static String messageTs(FakeSlack.Call post) {
    return post.param(FakeSlack.POSTED_TS);
  }
}
