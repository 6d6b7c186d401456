package org.scalingcoach.bench;

import java.util.Map;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.answer.EvaluationSet;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.retrieval.Hit;
import org.scalingcoach.retrieval.Retrieval;

/**
 * Prints, for every labelled question, the retrieval evidence (best similarity, term coverage,
 * scope verdict, top five hits as topic:fused/similarity/bm25), marking misses with {@code XX}. For
 * tuning {@code ScopePolicy} and fusion weights, and for finding gaps in the knowledge base.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.scalingcoach.bench.RetrievalDiagnostics}
 */
public final class RetrievalDiagnostics {
  public static void main(String[] args) {
    CoachConfig config =
        CoachConfig.fromEnvironment(Map.of("COACH_DATA_DIR", "target/bench/shipped"));
    CoachCore core = CoachWiring.core(config, CoachWiring.database(config));
    for (EvaluationSet.Item item : EvaluationSet.load().items()) {
      Retrieval r = core.retriever().retrieve(item.question(), 5);
      boolean inScope = !item.expected().equals(EvaluationSet.OUT_OF_SCOPE);
      boolean right =
          inScope
              ? r.inScope() && r.hits().get(0).section().topic().id().equals(item.expected())
              : !r.inScope();
      StringBuilder hits = new StringBuilder();
      for (Hit h : r.hits()) {
        hits.append(
            String.format(
                " %s:%.3f/%.3f/%.1f",
                h.section().topic().id(), h.score(), h.similarity(), h.bm25()));
      }
      System.out.printf(
          "%s %-20s sim=%.3f cov=%.2f in=%s |%s | %s%n",
          right ? "  " : "XX",
          item.expected(),
          r.topSimilarity(),
          r.termCoverage(),
          r.inScope(),
          hits,
          item.question());
    }
  }
}
