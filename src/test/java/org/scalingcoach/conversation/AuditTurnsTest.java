package org.scalingcoach.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditFixture;
import org.scalingcoach.audit.ReminderRouter;
import org.scalingcoach.audit.Reminders;

/**
 * The audit conversation decided once for both platforms: what a click brings back, for a platform
 * that replaces the clicked card and for one that posts the next step as a new message.
 */
class AuditTurnsTest {
  private static final Actor ANNA = new Actor("T1", "UANNA");
  private final AuditFixture fixture = new AuditFixture();

  private AuditTurns turns(AuditTurns.Steps steps) {
    return turns(steps, report -> Optional.empty());
  }

  private AuditTurns turns(
      AuditTurns.Steps steps,
      java.util.function.Function<
              org.scalingcoach.audit.AuditReport, Optional<org.scalingcoach.llm.AuditSummary>>
          summaries) {
    Reminders reminders =
        new Reminders(
            fixture.reminderStore,
            fixture.engine::catalog,
            fixture.roles,
            new ReminderRouter(),
            fixture.clock);
    return new AuditTurns(
        fixture.engine,
        fixture.history,
        reminders,
        summaries,
        (workspace, user) -> Optional.of("Ada Lovelace"),
        "/coach ",
        "Slack",
        steps);
  }

  private static Turn click(Reply.Button button) {
    return click(button.action());
  }

  private static Turn click(Turn.Action action) {
    return Turn.clicked(
        "slack", ANNA.teamId(), ANNA.userId(), "D1", Turn.Kind.PERSONAL, null, action);
  }

  private Reply firstQuestion(AuditTurns turns) {
    Turn start =
        click(
            new Turn.Action(
                AuditReplies.START, Map.of("type", "audit-your-data", "subject", "Churn")));
    return turns.click(start).get(0);
  }

  @Test
  void an_answer_posts_the_next_question_first_and_then_settles_the_clicked_one() {
    AuditTurns turns = turns(AuditTurns.Steps.NEW_MESSAGES);
    Reply question = firstQuestion(turns);

    List<Reply> replies = turns.click(click(choices(question).get(0)));

    assertThat(replies).hasSize(2);
    assertThat(replies.get(0).view()).isInstanceOf(AuditView.Question.class);
    assertThat(replies.get(0).markdown()).startsWith("Question 2 of");
    assertThat(replies.get(0).updatesEarlier()).isFalse();
    assertThat(replies.get(1).view()).isInstanceOf(AuditView.Settled.class);
    assertThat(replies.get(1).updatesEarlier()).isTrue();
    assertThat(replies.get(1).markdown()).contains(choices(question).get(0).label());
  }

  @Test
  void the_second_click_of_a_double_click_brings_nothing_back_where_steps_are_new_messages() {
    AuditTurns turns = turns(AuditTurns.Steps.NEW_MESSAGES);
    Reply.Button answer = choices(firstQuestion(turns)).get(0);
    turns.click(click(answer));

    assertThat(turns.click(click(answer))).isEmpty();
  }

  @Test
  void a_click_on_an_older_question_brings_the_current_one_back_with_a_notice() {
    AuditTurns turns = turns(AuditTurns.Steps.NEW_MESSAGES);
    Reply first = firstQuestion(turns);
    turns.click(click(choices(first).get(0)));

    List<Reply> replies = turns.click(click(choices(first).get(1)));

    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).content())
        .anySatisfy(
            b ->
                assertThat(b)
                    .isInstanceOfSatisfying(
                        Block.Notice.class,
                        n -> assertThat(n.markdown()).contains("earlier view")));
    assertThat(replies.get(0).markdown()).startsWith("Question 2 of");
  }

  @Test
  void every_step_replaces_the_clicked_card_where_the_platform_can() {
    AuditTurns turns = turns(AuditTurns.Steps.IN_PLACE);
    Reply question = firstQuestion(turns);
    assertThat(question.updatesEarlier()).isTrue();

    List<Reply> answered = turns.click(click(choices(question).get(0)));
    List<Reply> again = turns.click(click(choices(question).get(0)));

    assertThat(answered).singleElement().satisfies(r -> assertThat(r.updatesEarlier()).isTrue());
    assertThat(again).singleElement().satisfies(r -> assertThat(r.updatesEarlier()).isTrue());
    assertThat(again.get(0).markdown()).startsWith("Question 2 of");
  }

  @Test
  void pause_settles_in_place_and_resume_carries_on_at_the_same_question_once() {
    AuditTurns turns = turns(AuditTurns.Steps.NEW_MESSAGES);
    Reply question = firstQuestion(turns);
    Reply.Button pause =
        buttons(question).stream()
            .filter(b -> b.action().name().equals(AuditReplies.PAUSE))
            .findFirst()
            .orElseThrow();

    Reply paused = turns.click(click(pause)).get(0);
    List<Reply> resumed = turns.click(click(buttons(paused).get(0)));
    List<Reply> resumedAgain = turns.click(click(buttons(paused).get(0)));

    assertThat(paused.updatesEarlier()).isTrue();
    assertThat(paused.view()).isInstanceOf(AuditView.Paused.class);
    assertThat(resumed)
        .singleElement()
        .satisfies(r -> assertThat(r.markdown()).startsWith("Question 1 of"));
    assertThat(resumedAgain).isEmpty();
  }

  @Test
  void finishing_settles_the_review_and_brings_the_report_with_its_chart_once() {
    AuditTurns turns = turns(AuditTurns.Steps.NEW_MESSAGES);
    Reply step = firstQuestion(turns);
    while (!(step.view() instanceof AuditView.Review)) {
      List<Reply> replies = turns.click(click(choices(step).get(0)));
      step = replies.get(0);
    }
    Reply.Button finish = buttons(step).get(0);
    assertThat(finish.action().name()).isEqualTo(AuditReplies.FINISH);

    List<Reply> finished = turns.click(click(finish));
    List<Reply> again = turns.click(click(finish));

    assertThat(finished).hasSize(2);
    assertThat(finished.get(0).updatesEarlier()).isTrue();
    assertThat(finished.get(1).view()).isInstanceOf(AuditView.Report.class);
    assertThat(finished.get(1).file().mediaType()).isEqualTo("image/png");
    assertThat(buttons(finished.get(1)))
        .extracting(b -> b.action().name())
        .containsExactly(AuditReplies.SHARE, AuditReplies.EXPORT);
    assertThat(again).isEmpty();

    List<Reply> exported = turns.click(click(buttons(finished.get(1)).get(1)));
    assertThat(((AuditView.Exports) exported.get(0).view()).files())
        .extracting(Reply.File::name)
        .anySatisfy(n -> assertThat(n).endsWith(".md"))
        .anySatisfy(n -> assertThat(n).endsWith(".csv"));
  }

  @Test
  void a_garbled_token_is_answered_with_what_to_do_instead_of_failing() {
    AuditTurns turns = turns(AuditTurns.Steps.NEW_MESSAGES);
    Turn garbled = click(new Turn.Action(AuditReplies.SKIP, Map.of("audit", "x")));

    assertThat(turns.click(garbled))
        .singleElement()
        .satisfies(r -> assertThat(r.markdown()).contains("Try /coach audit"));
  }

  @Test
  void a_typed_start_acknowledges_at_once_and_brings_the_first_question_with_the_slow_work() {
    AuditTurns turns = turns(AuditTurns.Steps.NEW_MESSAGES);
    Turn typed =
        Turn.typed(
            "slack", ANNA.teamId(), ANNA.userId(), "C1", Turn.Kind.PERSONAL, null, "audit start");
    Command.Audit start = (Command.Audit) Command.parse("audit start audit-your-data Churn");

    AuditTurns.Outcome outcome = turns.command(typed, start, List.of());

    assertThat(outcome.now()).isEmpty();
    assertThat(outcome.acknowledgement()).contains("direct messages");
    assertThat(outcome.later().get())
        .singleElement()
        .satisfies(r -> assertThat(r.markdown()).startsWith("Question 1 of"));
  }

  @Test
  void the_team_view_offers_history_report_and_export_per_subject_and_history_names_who_ran_it() {
    AuditTurns turns = turns(AuditTurns.Steps.NEW_MESSAGES);
    Reply step = firstQuestion(turns);
    while (!(step.view() instanceof AuditView.Review)) {
      step = turns.click(click(choices(step).get(0))).get(0);
    }
    turns.click(click(buttons(step).get(0)));
    Turn typed =
        Turn.typed(
            "slack", ANNA.teamId(), ANNA.userId(), "C1", Turn.Kind.PERSONAL, null, "audit team");

    Reply team =
        turns.command(typed, (Command.Audit) Command.parse("audit team"), List.of()).now().get(0);

    assertThat(((AuditView.Team) team.view()).statuses()).hasSize(1);
    assertThat(AuditView.Team.buttons(team, 0))
        .extracting(Reply.Button::label, b -> b.action().name())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("History", AuditReplies.HISTORY),
            org.assertj.core.groups.Tuple.tuple("Report", AuditReplies.REPORT),
            org.assertj.core.groups.Tuple.tuple("Export", AuditReplies.EXPORT));
    AuditView.History history =
        (AuditView.History) turns.click(click(choices(team).get(0))).get(0).view();
    assertThat(history.by()).containsExactly(new Reply.Person(ANNA.userId(), "you", true));
    assertThat(history.by()).hasSize(1);
    assertThat(history.finished()).hasSize(1);
  }

  /** The options of a question (or every button of a reply without a list). */
  /** Records where each reply was placed, as "place: markdown on one line". */
  private static final class Placed implements Outbox {
    final List<String> log = new java.util.ArrayList<>();

    private void add(String place, Reply reply) {
      log.add(place + ": " + reply.markdown().replace('\n', ' '));
    }

    @Override
    public void send(Reply reply) {
      add("send", reply);
    }

    @Override
    public void note(Reply reply) {
      add("note", reply);
    }

    @Override
    public void replace(Reply reply) {
      add("replace", reply);
    }

    @Override
    public void privately(Reply reply) {
      add("privately", reply);
    }

    @Override
    public void summarised(Reply report, Reply summary) {
      add("summarised " + report.view().getClass().getSimpleName(), summary);
    }
  }

  @Test
  void place_puts_each_reply_where_it_belongs_and_a_report_gets_its_summary_after_it() {
    AuditTurns turns =
        turns(
            AuditTurns.Steps.NEW_MESSAGES,
            report ->
                Optional.of(new org.scalingcoach.llm.AuditSummary("Mostly in order.", List.of())));
    Placed out = new Placed();
    Reply step = firstQuestion(turns);
    List<Reply> answered = turns.click(click(choices(step).get(0)));
    turns.place(answered, out);
    step = answered.get(0);
    while (!(step.view() instanceof AuditView.Review)) {
      step = turns.click(click(choices(step).get(0))).get(0);
    }
    turns.place(turns.click(click(buttons(step).get(0))), out);
    turns.place(
        turns.click(click(new Turn.Action(AuditReplies.ANSWER, Map.of("audit", "999999")))), out);

    assertThat(out.log).hasSize(6);
    assertThat(out.log.get(0)).startsWith("privately: Question 2 of");
    assertThat(out.log.get(1)).startsWith("replace: ");
    assertThat(out.log.get(2)).startsWith("replace: ");
    assertThat(out.log.get(3)).startsWith("privately: ");
    assertThat(out.log.get(4)).startsWith("summarised Report: ").contains("Mostly in order.");
    assertThat(out.log.get(5)).startsWith("note: ");
  }

  private static List<Reply.Button> choices(Reply reply) {
    return reply.content().stream()
        .filter(b -> b instanceof Block.Choices c && c.layout() == Block.Layout.LIST)
        .map(b -> ((Block.Choices) b).buttons())
        .findFirst()
        .orElse(reply.allButtons());
  }

  /** The buttons of a reply that are not a question's options: navigation, resume, exports. */
  private static List<Reply.Button> buttons(Reply reply) {
    List<Reply.Button> buttons = new java.util.ArrayList<>();
    for (Block b : reply.content()) {
      if (b instanceof Block.Choices c && c.layout() == Block.Layout.ROW) {
        buttons.addAll(c.buttons());
      } else if (b instanceof Block.Text t && t.accessory() != null) {
        buttons.add(t.accessory());
      }
    }
    return buttons;
  }
}
