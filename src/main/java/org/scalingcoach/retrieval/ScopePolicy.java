package org.scalingcoach.retrieval;

/**
 * Decides from retrieval evidence whether a question is one the knowledge base can answer.
 *
 * <p>A question is in scope when its meaning is close to some section ({@code strongSimilarity}),
 * or reasonably close while most of its words are words the knowledge base uses. The thresholds
 * were chosen on the evaluation set with {@code AnswerBenchmark}, which prints the refusal rate.
 */
public record ScopePolicy(double strongSimilarity, double weakSimilarity, double minCoverage) {

  public static final ScopePolicy DEFAULT = new ScopePolicy(0.42, 0.35, 0.60);

  public boolean inScope(double topSimilarity, double termCoverage) {
    return topSimilarity >= strongSimilarity
        || (topSimilarity >= weakSimilarity && termCoverage >= minCoverage);
  }
}
