package org.scalingcoach.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.admin.AdminActions;
import org.scalingcoach.admin.ReloadReport;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.Insights;
import org.scalingcoach.store.QuestionLog;
import org.scalingcoach.store.SqliteRoleStore;

/** The conversation service on real SQLite stores: given a turn, the route and reply it decides. */
class ConversationServiceTest {
  private static final String TEAM = "T0ACME";
  private static final String ADMIN = "U0ADMIN";
  private static final String EMPLOYEE = "U0ADA";

  private Database database;
  private final AtomicInteger reloads = new AtomicInteger();
  private ConversationService teams;
  private ConversationService slack;

  @BeforeEach
  void open() {
    database = Database.open(TestCore.tempDir("conversation-").resolve("coach.db"));
    AdminActions admin =
        new AdminActions(
            () -> {
              reloads.incrementAndGet();
              return new ReloadReport(true, 3, 12, 2, 0, java.util.List.of(), Duration.ZERO);
            },
            new SqliteRoleStore(database, Set.of(), Set.of(ADMIN)),
            new Insights(database),
            Clock.systemUTC());
    teams = new ConversationService("teams", "", admin, null, true);
    slack = new ConversationService("slack", "/coach ", admin, null, true);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static Turn typed(String user, Turn.Kind kind, String text) {
    return Turn.typed("teams", TEAM, user, "conv-1", kind, null, text);
  }

  private static Turn click(Turn.Kind kind, String action, Map<String, String> token) {
    return Turn.clicked(
        "teams", TEAM, EMPLOYEE, "conv-1", kind, null, new Turn.Action(action, token));
  }

  private static String said(Route route) {
    assertThat(route).isInstanceOf(Route.Say.class);
    return ((Route.Say) route).reply().markdown();
  }

  @Test
  void should_refuse_a_typed_audit_command_in_a_channel() {
    Route route = teams.route(typed(EMPLOYEE, Turn.Kind.CHANNEL, "audit team"));

    assertThat(said(route)).contains("open a personal chat with me");
  }

  @Test
  void should_refuse_an_audit_click_in_a_channel_or_group_chat_as_it_refuses_typed_audits() {
    for (Turn.Kind kind : new Turn.Kind[] {Turn.Kind.CHANNEL, Turn.Kind.GROUP}) {
      Route route =
          teams.route(click(kind, "audit-start", Map.of("type", "plan-for-mlops", "subject", "X")));

      assertThat(said(route)).contains("open a personal chat with me");
    }
  }

  /** Records what the service placed where, as "place: markdown". */
  private static final class Notes implements Outbox {
    final java.util.List<String> log = new java.util.ArrayList<>();

    @Override
    public void send(Reply reply) {
      log.add("send: " + reply.markdown());
    }

    @Override
    public void note(Reply reply) {
      log.add("note: " + reply.markdown());
    }
  }

  @Test
  void converse_tells_the_clicker_alone_about_a_refused_or_unknown_click() {
    Notes out = new Notes();

    Route refused =
        teams.converse(
            click(Turn.Kind.CHANNEL, "audit-start", Map.of("type", "plan-for-mlops")), out);
    Route unknown = teams.converse(click(Turn.Kind.CHANNEL, ButtonCode.UNKNOWN.name(), null), out);
    // Audits are on in this service but none are wired: their buttons no longer work either.
    Route offline = teams.converse(click(Turn.Kind.PERSONAL, "audit-answer", Map.of()), out);

    assertThat(refused).isInstanceOf(Route.Say.class);
    assertThat(unknown).isInstanceOf(Route.Handled.class);
    assertThat(offline).isInstanceOf(Route.Handled.class);
    assertThat(out.log)
        .containsExactly(
            "note: " + said(refused).strip(),
            "note: " + ConversationService.BUTTON_GONE,
            "note: " + ConversationService.BUTTON_GONE);
  }

  @Test
  void converse_leaves_an_expert_click_to_the_adapter_only_where_experts_run() {
    Notes out = new Notes();

    Route route = teams.converse(click(Turn.Kind.CHANNEL, ExpertReplies.CLAIM, Map.of()), out);

    // Without experts the button is one no part of this coach reads.
    assertThat(route).isInstanceOf(Route.Handled.class);
    assertThat(out.log).containsExactly("note: " + ConversationService.BUTTON_GONE);
  }

  @Test
  void should_pass_an_audit_click_in_a_personal_chat_on_to_the_audits() {
    Route route = teams.route(click(Turn.Kind.PERSONAL, "audit-answer", Map.of("audit", "7")));

    assertThat(route).isInstanceOf(Route.Click.class);
    assertThat(((Route.Click) route).action().value("audit")).isEqualTo("7");
  }

  @Test
  void should_route_a_typed_audit_command_in_a_personal_chat_with_its_verb_and_arguments() {
    Route route =
        teams.route(typed(EMPLOYEE, Turn.Kind.PERSONAL, "AUDIT start plan-for-mlops Churn model"));

    assertThat(route)
        .isEqualTo(
            new Route.Audit(
                new Command.Audit(Command.AuditVerb.START, "plan-for-mlops Churn model")));
  }

  @Test
  void should_answer_help_with_the_same_commands_on_both_platforms_but_their_own_prefix() {
    String inTeams = said(teams.route(typed(EMPLOYEE, Turn.Kind.PERSONAL, "help")));
    String inSlack = said(slack.route(typed(EMPLOYEE, Turn.Kind.PERSONAL, "HELP")));

    assertThat(inTeams).contains("**audit export**", "**admin insights**", "**help**");
    assertThat(inSlack).contains("**/coach audit export**", "**/coach admin insights**");
    assertThat(inSlack.replace(" (**/coach <your question>**)", "").replace("/coach ", ""))
        .isEqualTo(inTeams);
  }

  @Test
  void should_greet_an_empty_message_the_same_way_on_both_platforms_with_their_own_prefix() {
    for (String empty : new String[] {"", "   ", "\n\t"}) {
      Route inTeams = teams.route(typed(EMPLOYEE, Turn.Kind.CHANNEL, empty));
      Route inSlack = slack.route(typed(EMPLOYEE, Turn.Kind.PERSONAL, empty));

      assertThat(inTeams).isEqualTo(new Route.Say(Welcome.greeting("")));
      assertThat(inSlack).isEqualTo(new Route.Say(Welcome.greeting("/coach ")));
      assertThat(((Route.Say) inSlack).reply().content().toString()).contains("/coach help");
    }
  }

  @Test
  void should_treat_a_question_that_starts_with_a_command_word_as_a_question() {
    Route route = slack.route(typed(EMPLOYEE, Turn.Kind.PERSONAL, "my model drifts, what now?"));

    assertThat(route).isEqualTo(new Route.Ask("my model drifts, what now?"));
  }

  @Test
  void should_read_audit_words_as_a_question_when_audits_are_off() {
    ConversationService questionsOnly = new ConversationService("teams", "", null, null, false);

    assertThat(questionsOnly.route(typed(EMPLOYEE, Turn.Kind.PERSONAL, "audit team")))
        .isEqualTo(new Route.Ask("audit team"));
  }

  @Test
  void should_refuse_a_reload_to_an_employee_before_any_work() {
    String refusal = said(teams.route(typed(EMPLOYEE, Turn.Kind.CHANNEL, "admin reload")));

    assertThat(refusal).contains("Only admins can reload the knowledge base");
    assertThat(reloads).hasValue(0);
  }

  @Test
  void should_reload_for_an_admin_only_when_the_slow_part_runs() {
    Route route = teams.route(typed(ADMIN, Turn.Kind.GROUP, "admin  reload"));

    assertThat(route).isInstanceOf(Route.Later.class);
    assertThat(reloads).hasValue(0);
    Reply reply = ((Route.Later) route).reply().get();
    assertThat(reloads).hasValue(1);
    assertThat(reply.markdown()).contains("3 documents");
  }

  @Test
  void should_keep_insights_out_of_group_chats_even_for_an_admin() {
    String refusal = said(teams.route(typed(ADMIN, Turn.Kind.GROUP, "admin insights")));

    assertThat(refusal).contains("ask me for **admin insights** in a personal chat");
  }

  @Test
  void should_show_an_admin_the_insights_of_their_own_workspace_only() {
    QuestionLog log = new QuestionLog(database);
    log.record(
        TEAM, EMPLOYEE, "conv-1", ExtractiveAnswerEngine.outOfScope("where is the VPN guide"));
    log.record("T0OTHER", "U0X", "c", ExtractiveAnswerEngine.outOfScope("another team's secret"));

    Route route = teams.route(typed(ADMIN, Turn.Kind.PERSONAL, "admin insights"));
    String insights = ((Route.Later) route).reply().get().markdown();

    assertThat(insights)
        .contains("**Insights: last 30 days**")
        .contains("1 questions asked, 0 answered (0%).")
        .contains("1× _where is the VPN guide_")
        .doesNotContain("secret");
  }

  @Test
  void should_answer_an_unknown_admin_word_with_the_admin_commands() {
    String usage = said(slack.route(typed(EMPLOYEE, Turn.Kind.PERSONAL, "admin frobnicate")));

    assertThat(usage).contains("**/coach admin reload**", "**/coach admin console**");
  }

  @Test
  void should_route_a_clicked_follow_up_as_a_question() {
    Route route =
        teams.route(click(Turn.Kind.CHANNEL, "ask", Map.of("question", " What is drift? ")));

    assertThat(route).isEqualTo(new Route.Ask("What is drift?"));
  }

  @Test
  void should_refuse_to_build_a_turn_that_is_both_typed_and_clicked() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new Turn(
                    "teams",
                    TEAM,
                    EMPLOYEE,
                    "c",
                    Turn.Kind.PERSONAL,
                    null,
                    "hi",
                    new Turn.Action("ask", Map.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void converse_sends_help_and_slow_admin_work_to_the_outbox_and_leaves_audits_to_the_adapter() {
    java.util.List<String> sent = new java.util.ArrayList<>();
    Outbox out = reply -> sent.add(reply.markdown());

    Route help = teams.converse(typed(EMPLOYEE, Turn.Kind.PERSONAL, "help"), out);
    Route reload =
        teams.converse(
            Turn.typed("teams", TEAM, ADMIN, "conv-1", Turn.Kind.PERSONAL, null, "admin reload"),
            out);
    Route audit = teams.converse(typed(EMPLOYEE, Turn.Kind.PERSONAL, "audit team"), out);

    assertThat(help).isInstanceOf(Route.Say.class);
    assertThat(reload).isInstanceOf(Route.Later.class);
    assertThat(reloads).hasValue(1);
    assertThat(audit).isInstanceOf(Route.Audit.class);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0)).isEqualTo(teams.help());
    assertThat(sent.get(1)).doesNotContain("Reloading");
  }

  @Test
  void a_home_shows_the_welcome_what_the_coach_knows_and_examples_and_no_audits_without_them() {
    var knowledge = TestCore.shared().knowledge();

    java.util.List<Reply> home = slack.home(TEAM, EMPLOYEE, knowledge);

    assertThat(home).hasSize(3);
    assertThat(home.get(0)).isEqualTo(Welcome.home(new Reply.Person(EMPLOYEE, EMPLOYEE, false)));
    assertThat(home.get(1)).isEqualTo(Welcome.knowledge(knowledge));
    assertThat(home.get(2).allButtons()).isNotEmpty();
  }
}
