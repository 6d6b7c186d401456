package org.scalingcoach.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.scalingcoach.audit.AuditException.Reason;
import org.scalingcoach.store.DatabaseKind;

@ParameterizedClass
@EnumSource(DatabaseKind.class)
class AuditEngineTest {
  private static final Actor ANNA = new Actor("T1", "UANNA");
  private final AuditFixture fixture;
  private final AuditEngine engine;

  AuditEngineTest(DatabaseKind kind) {
    fixture = new AuditFixture(kind);
    engine = fixture.engine;
  }

  private Progress answerFirst(Progress progress) {
    AuditQuestion q = progress.question();
    return engine.answer(
        ANNA, progress.audit().id(), progress.audit().revision(), q.id(), q.options().get(0).id());
  }

  @Test
  void starting_shows_the_first_question_with_its_progress_line() {
    Progress progress = engine.start(ANNA, "audit-your-data", "Churn model — EMEA");

    assertThat(progress.number()).isEqualTo(1);
    assertThat(progress.question().id()).isEqualTo("catalogue-coverage");
    assertThat(progress.progressLine()).isEqualTo("Question 1 of 11 · Data catalogue");
    assertThat(progress.audit().status()).isEqualTo(AuditStatus.OPEN);
  }

  @Test
  void each_answer_is_stored_and_the_next_question_follows() {
    Progress first = engine.start(ANNA, "audit-your-data", "Churn");

    Progress second = answerFirst(first);

    assertThat(second.number()).isEqualTo(2);
    assertThat(fixture.store.answers(first.audit().id()))
        .singleElement()
        .satisfies(a -> assertThat(a.optionId()).isEqualTo("none"));
    assertThat(second.audit().revision()).isEqualTo(first.audit().revision() + 1);
  }

  @Test
  void starting_the_same_subject_again_resumes_the_open_audit() {
    Progress first = answerFirst(engine.start(ANNA, "audit-your-data", "Churn model"));

    Progress again = engine.start(ANNA, "audit-your-data", "  churn   MODEL ");

    assertThat(again.audit().id()).isEqualTo(first.audit().id());
    assertThat(again.number()).isEqualTo(2);
    assertThat(again.notice()).contains("carry on");
  }

  @Test
  void back_shows_the_earlier_answer_and_answering_again_replaces_it() {
    Progress p = answerFirst(answerFirst(engine.start(ANNA, "audit-your-data", "Churn")));
    long id = p.audit().id();

    Progress back = engine.back(ANNA, id, p.audit().revision());
    assertThat(back.question().id()).isEqualTo("catalogue-entries");
    assertThat(back.chosenOption()).contains("no-entries");

    Progress changed =
        engine.answer(ANNA, id, back.audit().revision(), "catalogue-entries", "reviewed");

    assertThat(changed.number()).as("jumps to the first question not yet answered").isEqualTo(3);
    assertThat(fixture.store.answers(id))
        .hasSize(2)
        .filteredOn(a -> a.questionId().equals("catalogue-entries"))
        .singleElement()
        .satisfies(a -> assertThat(a.level()).isEqualTo(4));
  }

  @Test
  void revisiting_any_question_from_the_end_lets_its_answer_change() {
    AuditRecord unfinished = answerAll(engine.start(ANNA, "plan-for-mlops", "Fraud"), 0).audit();
    assertThat(engine.current(ANNA, unfinished.id()).readyToFinish()).isTrue();

    Progress revisit = engine.revisit(ANNA, unfinished.id(), unfinished.revision(), "deployment");
    Progress after =
        engine.answer(ANNA, unfinished.id(), revisit.audit().revision(), "deployment", "canary");

    assertThat(after.readyToFinish()).isTrue();
    assertThat(after.answers().get("deployment").level()).isEqualTo(4);
  }

  @Test
  void a_skipped_question_is_stored_as_skipped_and_keeps_an_earlier_answer() {
    Progress start = engine.start(ANNA, "audit-your-data", "Churn");
    Progress skipped =
        engine.skip(ANNA, start.audit().id(), start.audit().revision(), "catalogue-coverage");
    assertThat(skipped.answers().get("catalogue-coverage").isSkipped()).isTrue();

    Progress answered =
        answerFirst(engine.back(ANNA, start.audit().id(), skipped.audit().revision()));
    Progress back = engine.back(ANNA, start.audit().id(), answered.audit().revision());
    engine.skip(ANNA, start.audit().id(), back.audit().revision(), "catalogue-coverage");

    assertThat(
            engine.current(ANNA, start.audit().id()).answers().get("catalogue-coverage").optionId())
        .isEqualTo("none");
  }

  @Test
  void a_double_click_records_the_answer_once_and_is_not_an_error() {
    Progress start = engine.start(ANNA, "audit-your-data", "Churn");
    AuditQuestion q = start.question();

    engine.answer(ANNA, start.audit().id(), start.audit().revision(), q.id(), "most");
    Progress second =
        engine.answer(ANNA, start.audit().id(), start.audit().revision(), q.id(), "most");

    assertThat(second.notice()).isNull();
    assertThat(second.changed()).as("the repeat changed nothing").isFalse();
    assertThat(second.number()).isEqualTo(2);
    assertThat(fixture.store.answers(start.audit().id())).hasSize(1);
  }

  @Test
  void a_click_from_another_device_on_an_old_view_changes_nothing_and_says_so() {
    Progress start = engine.start(ANNA, "audit-your-data", "Churn");
    Progress phone =
        engine.answer(
            ANNA, start.audit().id(), start.audit().revision(), "catalogue-coverage", "most");

    Progress laptop =
        engine.answer(
            ANNA, start.audit().id(), start.audit().revision(), "catalogue-coverage", "none");

    assertThat(laptop.notice()).contains("earlier view");
    assertThat(laptop.audit().revision()).isEqualTo(phone.audit().revision());
    assertThat(laptop.answers().get("catalogue-coverage").optionId()).isEqualTo("most");
  }

  @Test
  void pause_and_resume_continue_at_the_same_question() {
    Progress p = answerFirst(answerFirst(engine.start(ANNA, "engage-stakeholders", "CRM rollout")));

    Progress paused = engine.pause(ANNA, p.audit().id());
    assertThat(paused.audit().status()).isEqualTo(AuditStatus.PAUSED);
    Progress resumed = engine.resume(ANNA, p.audit().id());

    assertThat(resumed.audit().status()).isEqualTo(AuditStatus.OPEN);
    assertThat(resumed.question().id()).isEqualTo(p.question().id());
  }

  @Test
  void a_finished_audit_cannot_change_and_a_new_one_can_start() {
    AuditRecord finished = fixture.finishWith(ANNA, "audit-your-data", "Churn", 1);

    assertThat(finished.status()).isEqualTo(AuditStatus.FINISHED);
    assertThat(finished.score()).isNotNull();
    assertThatThrownBy(
            () ->
                engine.answer(
                    ANNA, finished.id(), finished.revision(), "catalogue-coverage", "none"))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("finished")
        .extracting(e -> ((AuditException) e).reason())
        .isEqualTo(Reason.CLOSED);
    assertThat(engine.finish(ANNA, finished.id())).isEqualTo(finished);
    assertThat(engine.start(ANNA, "audit-your-data", "Churn").audit().id())
        .isNotEqualTo(finished.id());
  }

  @Test
  void an_abandoned_audit_refuses_answers_and_frees_the_subject() {
    Progress start = engine.start(ANNA, "audit-your-data", "Churn");
    engine.abandon(ANNA, start.audit().id());

    assertThatThrownBy(() -> answerFirst(start)).hasMessageContaining("abandoned");
    assertThat(engine.start(ANNA, "audit-your-data", "Churn").audit().id())
        .isNotEqualTo(start.audit().id());
  }

  @Test
  void ids_from_another_workspace_or_person_are_refused_with_a_clear_message() {
    Progress start = engine.start(ANNA, "audit-your-data", "Churn");
    long id = start.audit().id();

    assertThatThrownBy(() -> engine.current(new Actor("T2", "UANNA"), id))
        .hasMessageContaining("another workspace");
    assertThatThrownBy(
            () -> engine.answer(new Actor("T1", "UBOB"), id, 0, "catalogue-coverage", "none"))
        .hasMessageContaining("someone else");
    assertThatThrownBy(() -> engine.current(ANNA, 999_999))
        .extracting(e -> ((AuditException) e).reason())
        .isEqualTo(Reason.UNKNOWN_AUDIT);
    assertThat(fixture.store.answers(id)).isEmpty();
  }

  @Test
  void unknown_types_options_and_empty_subjects_are_refused() {
    assertThatThrownBy(() -> engine.start(ANNA, "audit-your-cat", "x"))
        .hasMessageContaining("no audit called");
    assertThatThrownBy(() -> engine.start(ANNA, "audit-your-data", "  "))
        .hasMessageContaining("name what you are auditing");
    Progress start = engine.start(ANNA, "audit-your-data", "Churn");
    assertThatThrownBy(
            () -> engine.answer(ANNA, start.audit().id(), 0, "catalogue-coverage", "bogus"))
        .hasMessageContaining("not one of the options");
    assertThatThrownBy(() -> engine.answer(ANNA, start.audit().id(), 0, "no-such-question", "none"))
        .hasMessageContaining("not part of this audit");
  }

  @Test
  void an_audit_keeps_the_definition_it_started_with_after_the_file_changes() {
    Progress start = answerFirst(engine.start(ANNA, "audit-your-data", "Churn"));
    AuditDefinition original = start.definition();
    String edited =
        original
            .source()
            .replace("version: 1", "version: 2")
            .replace("How many of the datasets", "What share of the datasets");
    AuditDefinition changed =
        new AuditDefinitionParser()
            .parse(AuditFixture.KNOWLEDGE.resolve("audits/audit-your-data.yaml"), edited)
            .definition();
    AuditEngine restarted =
        new AuditEngine(
            new AuditCatalog(List.of(changed), List.of()), fixture.store, fixture.clock);

    Progress resumed = restarted.current(ANNA, start.audit().id());

    assertThat(resumed.definition().version()).isEqualTo(1);
    assertThat(resumed.definition().contentHash()).isEqualTo(original.contentHash());
    assertThat(
            restarted
                .start(new Actor("T1", "UBOB"), "audit-your-data", "Churn")
                .definition()
                .version())
        .isEqualTo(2);
  }

  @Test
  void finishing_early_counts_the_unanswered_questions_as_skipped() {
    Progress p = answerFirst(engine.start(ANNA, "infrastructure-and-cost", "Search"));
    fixture.clock.advance(Duration.ofMinutes(5));

    AuditRecord finished = engine.finish(ANNA, p.audit().id());

    assertThat(finished.finishedAt()).isEqualTo(fixture.clock.instant());
    assertThat(finished.levelName()).isEqualTo("Crawl");
  }

  private Progress answerAll(Progress progress, int optionIndex) {
    while (!progress.readyToFinish()) {
      AuditQuestion q = progress.question();
      progress =
          engine.answer(
              ANNA,
              progress.audit().id(),
              progress.audit().revision(),
              q.id(),
              q.options().get(Math.min(optionIndex, q.options().size() - 1)).id());
    }
    return progress;
  }
}
