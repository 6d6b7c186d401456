package org.scalingcoach.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingcoach.CoachSnapshot;
import org.scalingcoach.TestCore;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.Question;
import org.scalingcoach.retrieval.Retrieval;
import org.scalingcoach.retrieval.ScopePolicy;

/** The evidence the console shows: scope rules in words, and where quoted sentences came from. */
class RetrievalEvidenceTest {
  private static final ScopePolicy POLICY = new ScopePolicy(0.42, 0.35, 0.60);

  private static Evidence.ScopeDecision scope(double similarity, double coverage) {
    boolean in = POLICY.inScope(similarity, coverage);
    return RetrievalEvidence.scope(new Retrieval("q", List.of(), in, similarity, coverage), POLICY);
  }

  @Test
  void should_name_the_rule_that_decided_the_scope() {
    assertThat(scope(0.50, 0.1).reason()).startsWith("In scope").contains("0.50 ≥ 0.42");
    assertThat(scope(0.38, 0.8).reason()).startsWith("In scope").contains("80%").contains("≥ 60%");
    assertThat(scope(0.38, 0.2).reason()).startsWith("Not answered").contains("just 20%");
    assertThat(scope(0.20, 0.9).reason()).startsWith("Not answered").contains("0.20 < 0.35");
  }

  @Test
  void should_trace_each_quoted_sentence_to_its_section_and_similarity() {
    CoachSnapshot snapshot = TestCore.shared().snapshot();
    String question = "How do we know our model is drifting?";
    Answer answer = snapshot.answers().answer(Question.of(question));

    Evidence evidence = new RetrievalEvidence().read(snapshot, question, answer);

    assertThat(evidence.scope().inScope()).isTrue();
    assertThat(evidence.hits()).isNotEmpty().anyMatch(Evidence.ScoredHit::cited);
    assertThat(evidence.hits().get(0).fused())
        .isGreaterThanOrEqualTo(evidence.hits().get(1).fused());
    assertThat(evidence.sentences()).isNotEmpty();
    for (Evidence.ChosenSentence sentence : evidence.sentences()) {
      assertThat(answer.markdown()).contains(sentence.text());
      assertThat(sentence.similarity()).isBetween(0.0, 1.0);
      assertThat(sentence.reason()).contains("in the section ranked");
    }
  }
}
