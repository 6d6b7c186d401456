package org.scalingcoach.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;

class AnswerQualityTest {

  @Test
  void should_meet_the_accuracy_and_refusal_floor_on_the_labelled_questions() {
    EvaluationSet set = EvaluationSet.load();
    assertThat(set.items()).hasSizeGreaterThanOrEqualTo(80);
    assertThat(set.items().stream().filter(i -> !i.inScope()).count()).isGreaterThanOrEqualTo(15);

    EvaluationSet.Result result = set.run(TestCore.shared().answers());

    String misses = String.join("\n", result.misses());
    assertThat(result.topicAccuracy())
        .as("top-1 topic accuracy; misses:\n%s", misses)
        .isGreaterThanOrEqualTo(0.90);
    assertThat(result.refusalRate())
        .as("out-of-scope refusal rate; misses:\n%s", misses)
        .isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void should_meet_the_same_floor_on_questions_written_without_reading_the_knowledge_base() {
    EvaluationSet set = EvaluationSet.heldOut();
    assertThat(set.items()).hasSizeGreaterThanOrEqualTo(80);

    EvaluationSet.Result result = set.run(TestCore.shared().answers());

    // Measured 89.3% after the answer rework (93.3% before it): see the README's figures.
    String misses = String.join("\n", result.misses());
    assertThat(result.topicAccuracy())
        .as("held-out top-1 topic accuracy; misses:\n%s", misses)
        .isGreaterThanOrEqualTo(0.87);
    assertThat(result.refusalRate())
        .as("held-out out-of-scope refusal rate; misses:\n%s", misses)
        .isGreaterThanOrEqualTo(0.85);
  }

  /** Floors a little below what the benchmark measured on the held-out part (see README). */
  @Test
  void should_answer_the_held_out_section_questions_from_the_right_section_with_the_key_points() {
    SectionSet set = SectionSet.heldOut(TestCore.shared().knowledge());
    assertThat(set.items().stream().filter(SectionSet.Item::inScope).count())
        .isGreaterThanOrEqualTo(50);

    SectionSet.Result result = set.run(TestCore.shared().answers());

    String misses = String.join("\n", result.misses());
    assertThat(result.overall().goodRate())
        .as("good answers; misses:\n%s", misses)
        .isGreaterThanOrEqualTo(0.69);
    assertFloors(result, 0.73, 0.71, 0.89);
    assertThat(result.overall().refused).as("in-scope questions refused").isZero();
    assertThat(result.refusalRate()).as("out-of-scope refused").isGreaterThanOrEqualTo(0.85);
  }

  private static void assertFloors(
      SectionSet.Result result, double top1, double keyPoints, double topic) {
    assertThat(result.overall().top1Rate()).as("top-1 acceptable").isGreaterThanOrEqualTo(top1);
    assertThat(result.overall().keyPointCoverage())
        .as("key points")
        .isGreaterThanOrEqualTo(keyPoints);
    assertThat(result.overall().topicRate()).as("right topic").isGreaterThanOrEqualTo(topic);
  }

  /**
   * The third held-out batch, written by someone who had not seen the coach's answers: floors a
   * little below what the benchmark measured (see README). Its misses are not printed, so that a
   * failing run does not turn it into a tuning set.
   */
  @Test
  void should_answer_the_blind_third_batch_from_the_right_section_with_the_key_points() {
    assertBatch(SectionSet.heldOut3(TestCore.shared().knowledge()), 70, 0.79, 0.90, 0.79, 0.90);
  }

  /**
   * The fourth batch, written blind before the coach was run in its session: floors a little below
   * what the benchmark measured (see README). Like the third, its misses are never printed.
   */
  @Test
  void should_answer_the_blind_fourth_batch_from_the_right_section_with_the_key_points() {
    assertBatch(SectionSet.heldOut4(TestCore.shared().knowledge()), 45, 0.89, 0.92, 0.88, 0.97);
  }

  /**
   * The fifth batch, written blind before the coach was run on it and weighted toward change
   * management: floors a little below what the benchmark measured (see README). Its misses are
   * never printed either.
   */
  @Test
  void should_answer_the_blind_fifth_batch_from_the_right_section_with_the_key_points() {
    assertBatch(SectionSet.heldOut5(TestCore.shared().knowledge()), 60, 0.83, 0.91, 0.83, 0.96);
  }

  /**
   * The sixth batch, written blind in employees' words before the coach was run on it: floors a
   * little below what the benchmark measured (see README). Its misses are never printed either.
   */
  @Test
  void should_answer_the_blind_sixth_batch_from_the_right_section_with_the_key_points() {
    assertBatch(SectionSet.heldOut6(TestCore.shared().knowledge()), 70, 0.74, 0.79, 0.76, 0.92);
  }

  /**
   * The second tuning part (first written blind as a held-out batch): floors a little below what
   * the benchmark measured on it (see README).
   */
  @Test
  void should_keep_what_tuning_reached_on_the_second_tuning_part() {
    assertBatch(SectionSet.tune2(TestCore.shared().knowledge()), 60, 0.89, 0.92, 0.88, 0.95);
  }

  /**
   * The third tuning part (written blind from the knowledge files without their asked wordings,
   * then used for tuning): floors a little below what the benchmark measured on it (see README).
   */
  @Test
  void should_keep_what_tuning_reached_on_the_third_tuning_part() {
    assertBatch(SectionSet.tune3(TestCore.shared().knowledge()), 80, 0.88, 0.88, 0.84, 0.92);
  }

  /**
   * The fourth tuning part (written blind like the third, 78.9% good on its blind run, then used
   * for tuning): floors a little below what tuning reached on it (see README).
   */
  @Test
  void should_keep_what_tuning_reached_on_the_fourth_tuning_part() {
    assertBatch(SectionSet.tune4(TestCore.shared().knowledge()), 85, 0.88, 0.90, 0.84, 0.95);
  }

  /**
   * The fifth tuning part (written blind on 2026-12-03, 80.0% good on its blind run, then used for
   * tuning): floors a little below what tuning reached on it. Its two boundary questions (a laptop
   * for local language models, a cloud vendor's discount) are refused since the vendor screen.
   */
  @Test
  void should_keep_what_tuning_reached_on_the_fifth_tuning_part() {
    assertBatch(SectionSet.tune5(TestCore.shared().knowledge()), 85, 0.92, 0.95, 0.88, 0.97, 1.0);
  }

  /**
   * The sixth tuning part (written blind on 2026-12-03, 80.0% good on its blind run, then used for
   * tuning): floors a little below what tuning reached on it. Its three boundary questions (a GPU
   * price on a named cloud, two laptop or vendor picks) are refused since the vendor screen.
   */
  @Test
  void should_keep_what_tuning_reached_on_the_sixth_tuning_part() {
    assertBatch(SectionSet.tune6(TestCore.shared().knowledge()), 85, 0.88, 0.91, 0.80, 0.96, 1.0);
  }

  /**
   * The seventh tuning part (written blind later on 2026-12-03; 85.6% good on its blind run, one
   * synonym tuned on it since): floors a little below its current figures.
   */
  @Test
  void should_keep_what_the_seventh_tuning_part_measured() {
    assertBatch(SectionSet.tune7(TestCore.shared().knowledge()), 85, 0.83, 0.87, 0.79, 0.94, 0.85);
  }

  private static void assertBatch(
      SectionSet set, int inScope, double good, double top1, double keyPoints, double topic) {
    assertBatch(set, inScope, good, top1, keyPoints, topic, 0.8);
  }

  /**
   * Runs a part whose misses are not printed and checks its floors: at most one in-scope question
   * refused, and at least {@code refused} of the out-of-scope ones.
   */
  private static void assertBatch(
      SectionSet set,
      int inScope,
      double good,
      double top1,
      double keyPoints,
      double topic,
      double refused) {
    assertThat(set.items().stream().filter(SectionSet.Item::inScope).count())
        .isGreaterThanOrEqualTo(inScope);

    SectionSet.Result result = set.run(TestCore.shared().answers());

    assertThat(result.overall().goodRate()).as("good answers").isGreaterThanOrEqualTo(good);
    assertFloors(result, top1, keyPoints, topic);
    assertThat(result.overall().refused).as("in-scope questions refused").isLessThanOrEqualTo(1);
    assertThat(result.refusalRate()).as("out-of-scope refused").isGreaterThanOrEqualTo(refused);
  }

  /** The tuning part's floors: what tuning reached, so a change that undoes it shows. */
  @Test
  void should_keep_what_tuning_reached_on_the_tuning_part() {
    SectionSet.Result result =
        SectionSet.tune(TestCore.shared().knowledge()).run(TestCore.shared().answers());

    String misses = String.join("\n", result.misses());
    assertThat(result.overall().goodRate())
        .as("good answers; misses:\n%s", misses)
        .isGreaterThanOrEqualTo(0.94);
    assertThat(result.overall().top1Rate()).as("top-1 acceptable").isGreaterThanOrEqualTo(0.95);
    assertThat(result.refusalRate()).as("out-of-scope refused").isEqualTo(1.0);
  }

  @Test
  void should_use_the_conversation_only_where_it_belongs() {
    ConversationSet set = ConversationSet.load();
    assertThat(set.conversations()).hasSizeGreaterThanOrEqualTo(30);

    ConversationSet.Result result = set.run(TestCore.shared().answers());

    String misses = String.join("\n", result.misses());
    assertThat(result.rate("out-of-scope-after"))
        .as("out-of-scope refused after in-scope turns; misses:\n%s", misses)
        .isEqualTo(1.0);
    assertThat(result.rate("follow-up"))
        .as("follow-ups on topic:\n%s", misses)
        .isGreaterThanOrEqualTo(0.9);
    assertThat(result.rate("switch"))
        .as("switches honoured:\n%s", misses)
        .isGreaterThanOrEqualTo(0.9);
    assertThat(result.rate("standalone")).as("standalone:\n%s", misses).isGreaterThanOrEqualTo(0.9);
  }

  /**
   * The fourth, fifth and sixth batches, written blind before the coach was run: labels only, no
   * answers, so this check says nothing about how the coach does on them. Every key point must be
   * one an acceptable section makes, or a batch would count as misses answers that no section could
   * give.
   */
  @Test
  void should_label_the_blind_batches_with_key_points_their_sections_make() {
    assertLabels(SectionSet.heldOut4(TestCore.shared().knowledge()), 45);
    assertLabels(SectionSet.heldOut5(TestCore.shared().knowledge()), 50);
    assertLabels(SectionSet.heldOut6(TestCore.shared().knowledge()), 60);
  }

  private static void assertLabels(SectionSet set, int inScope) {
    assertThat(set.items().stream().filter(SectionSet.Item::inScope).count())
        .as(set.name())
        .isGreaterThanOrEqualTo(inScope);
    assertThat(set.items().stream().filter(i -> !i.inScope()).count())
        .as(set.name())
        .isGreaterThanOrEqualTo(6);
    for (SectionSet.Item item : set.items()) {
      if (!item.inScope()) {
        continue;
      }
      assertThat(item.keyPoints()).as(item.question()).hasSizeBetween(2, 4);
      String cited =
          item.acceptable().stream()
              .map(s -> s.heading() + "\n" + s.text())
              .collect(java.util.stream.Collectors.joining("\n"));
      assertThat(SectionSet.coverage(item, cited)).as(item.question()).isEqualTo(1.0);
    }
  }

  @Test
  void should_resolve_every_label_of_the_tuning_part_to_one_section() {
    SectionSet set = SectionSet.tune(TestCore.shared().knowledge());

    assertThat(set.items().stream().filter(SectionSet.Item::inScope).count())
        .isGreaterThanOrEqualTo(100);
    assertThat(set.items()).allMatch(i -> i.keyPoints().size() >= 2 || !i.inScope());
  }
}
