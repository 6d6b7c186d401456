package org.scalingcoach.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.scalingcoach.store.DatabaseKind;

/** Double clicks, stale clicks and other people's clicks on audit buttons. */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class AuditClicksTest {
  private static final Actor ANNA = new Actor("T1", "UANNA");
  private static final Actor EVE = new Actor("T1", "UEVE");
  private final AuditFixture fixture;
  private final AuditEngine engine;

  AuditClicksTest(DatabaseKind kind) {
    fixture = new AuditFixture(kind);
    engine = fixture.engine;
  }

  private Progress answerFirst(Progress progress) {
    AuditQuestion q = progress.question();
    return engine.answer(
        ANNA, progress.audit().id(), progress.audit().revision(), q.id(), q.options().get(0).id());
  }

  @Test
  void the_second_click_of_a_double_click_on_skip_changes_nothing_and_says_nothing() {
    Progress first = engine.start(ANNA, "audit-your-data", "Churn");
    long id = first.audit().id();
    int revision = first.audit().revision();
    String question = first.question().id();

    Progress skipped = engine.skip(ANNA, id, revision, question);
    Progress again = engine.skip(ANNA, id, revision, question);

    assertThat(skipped.changed()).isTrue();
    assertThat(again.changed()).isFalse();
    assertThat(again.notice()).as("nothing to post").isNull();
    assertThat(engine.current(ANNA, id).number()).isEqualTo(2);
  }

  @Test
  void the_second_click_of_a_double_click_on_back_changes_nothing_and_says_nothing() {
    Progress p = answerFirst(answerFirst(engine.start(ANNA, "audit-your-data", "Churn")));
    long id = p.audit().id();

    engine.back(ANNA, id, p.audit().revision());
    Progress again = engine.back(ANNA, id, p.audit().revision());

    assertThat(again.changed()).isFalse();
    assertThat(again.notice()).isNull();
    assertThat(engine.current(ANNA, id).number()).isEqualTo(2);
  }

  @Test
  void a_stale_click_on_an_option_already_recorded_says_so() {
    Progress first = engine.start(ANNA, "audit-your-data", "Churn");
    String option = first.question().options().get(0).id();
    long id = first.audit().id();
    Progress second = answerFirst(first);
    answerFirst(second); // the audit is now two revisions past the first message

    Progress stale =
        engine.answer(ANNA, id, first.audit().revision(), first.question().id(), option);

    assertThat(stale.changed()).isFalse();
    assertThat(stale.notice()).contains("already chosen that answer");
  }

  @Test
  void a_stale_click_on_another_option_says_the_button_was_for_an_earlier_view() {
    Progress first = engine.start(ANNA, "audit-your-data", "Churn");
    long id = first.audit().id();
    answerFirst(answerFirst(first));

    Progress stale =
        engine.answer(
            ANNA,
            id,
            first.audit().revision(),
            first.question().id(),
            first.question().options().get(1).id());

    assertThat(stale.notice()).contains("earlier view");
  }

  @Test
  void resume_clicked_twice_resumes_once() {
    Progress started = engine.start(ANNA, "audit-your-data", "Churn");
    Progress paused = engine.pause(ANNA, started.audit().id());
    int shownAt = paused.audit().revision();

    assertThat(engine.resumeOnce(ANNA, started.audit().id(), shownAt)).isPresent();
    assertThat(engine.resumeOnce(ANNA, started.audit().id(), shownAt)).isEmpty();
  }

  @Test
  void someone_elses_report_is_refused_with_a_message_about_viewing_not_answering() {
    AuditRecord finished = fixture.finishWith(ANNA, "audit-your-data", "Churn", 1);

    assertThatThrownBy(() -> fixture.history.report(EVE, finished.id()))
        .hasMessageContaining("view or export")
        .hasMessageNotContaining("answer it");
  }

  @Test
  void starting_is_checked_without_starting_anything() {
    assertThatThrownBy(() -> engine.checkStart("no-such-audit", "Foo"))
        .hasMessageContaining("no audit called 'no-such-audit'");
    assertThatThrownBy(() -> engine.checkStart("audit-your-data", "x".repeat(500)))
        .hasMessageContaining("1 to 120 characters");
    engine.checkStart("audit-your-data", "Churn");

    assertThat(fixture.history.visible(ANNA)).isEmpty();
  }

  @Test
  void days_between_re_audits_are_read_defensively() {
    assertThat(Reminders.parseEveryDays("90")).isEqualTo(90);
    assertThatThrownBy(() -> Reminders.parseEveryDays("99999999999"))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("from 1 to 9999");
    assertThatThrownBy(() -> Reminders.parseEveryDays("-1")).isInstanceOf(AuditException.class);
  }
}
