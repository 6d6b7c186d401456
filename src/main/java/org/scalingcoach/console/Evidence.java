package org.scalingcoach.console;

import java.util.List;

/**
 * Why the coach answered a question the way it did: what retrieval found, whether the question was
 * judged in scope, and which sentences were quoted.
 */
public record Evidence(List<ScoredHit> hits, ScopeDecision scope, List<ChosenSentence> sentences) {

  public Evidence {
    hits = List.copyOf(hits);
    sentences = List.copyOf(sentences);
  }

  /**
   * A retrieved section with each of its scores.
   *
   * @param lexical BM25, 0 when the section shares no word with the question
   * @param semantic cosine similarity of meaning
   * @param fused the score hits are ranked by
   * @param cited whether the answer quotes this section
   */
  public record ScoredHit(
      int rank,
      String key,
      String document,
      String heading,
      String topic,
      double lexical,
      double semantic,
      double fused,
      boolean cited) {}

  /** The scope decision, the numbers it was made on, and the rule that decided it. */
  public record ScopeDecision(
      boolean inScope, double topSimilarity, double termCoverage, String reason) {}

  /**
   * A sentence the answer quotes.
   *
   * @param citation its {@code [n]} in the answer
   * @param similarity how close its meaning is to the question, or -1 when not known
   */
  public record ChosenSentence(
      int citation, String text, String section, double similarity, String reason) {}
}
