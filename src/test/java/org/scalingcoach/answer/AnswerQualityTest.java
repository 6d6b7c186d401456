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

    String misses = String.join("\n", result.misses());
    assertThat(result.topicAccuracy())
        .as("held-out top-1 topic accuracy; misses:\n%s", misses)
        .isGreaterThanOrEqualTo(0.90);
    assertThat(result.refusalRate())
        .as("held-out out-of-scope refusal rate; misses:\n%s", misses)
        .isGreaterThanOrEqualTo(0.85);
  }
}
