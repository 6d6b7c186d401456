package org.scalingcoach.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.answer.EvaluationSet;
import org.scalingcoach.answer.SectionSet;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.retrieval.Embedder;
import org.scalingcoach.retrieval.OnnxEmbedder;
import org.scalingcoach.retrieval.OnnxModel;
import org.scalingcoach.retrieval.Retrieval;
import org.scalingcoach.retrieval.ScopePolicy;

/**
 * How each embedding model's similarities map onto all-MiniLM-L6-v2's scale, and how the scope
 * thresholds then split the questions, on the tuning questions only (the topic set and the two
 * tuning parts of the section set).
 *
 * <p>For every {@link OnnxModel} it prints the mean best similarity of the in-scope and of the
 * out-of-scope questions, raw, and the line ({@code offset + scale × similarity}) that puts both
 * means where all-MiniLM-L6-v2 has them; then, for the model {@code COACH_EMBEDDING_MODEL} names,
 * with its calibration, the in-scope questions each combination of thresholds and coverage refuses
 * and the out-of-scope ones it lets through.
 *
 * <p>Run: {@code COACH_EMBEDDING_MODEL=… mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.scalingcoach.bench.ScopeCalibration}
 */
public final class ScopeCalibration {
  private record Evidence(boolean inScope, double similarity, double coverage) {}

  public static void main(String[] args) {
    Map<String, String> env = new HashMap<>();
    env.put("COACH_DATA_DIR", "target/bench/shipped");
    String model = System.getenv("COACH_EMBEDDING_MODEL");
    if (model != null) {
      env.put("COACH_EMBEDDING_MODEL", model);
    }
    CoachConfig config = CoachConfig.fromEnvironment(env);
    double[] reference = null;
    for (OnnxModel choice : OnnxModel.values()) {
      OnnxEmbedder embedder = new OnnxEmbedder(choice);
      Embedder raw =
          new Embedder() {
            @Override
            public String model() {
              return embedder.model();
            }

            @Override
            public float[] embed(String text) {
              return embedder.embed(text);
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
              return embedder.embedAll(texts);
            }
          };
      double[] means = means(evidence(CoachWiring.core(config, CoachWiring.database(config), raw)));
      if (reference == null) {
        reference = means;
      }
      double scale = (reference[0] - reference[1]) / (means[0] - means[1]);
      double offset = reference[0] - scale * means[0];
      System.out.printf(
          "%-22s raw mean best similarity: in scope %.4f, out of scope %.4f; offset %.4f, scale"
              + " %.4f%n",
          choice.id(), means[0], means[1], offset, scale);
    }
    CoachCore core =
        CoachWiring.core(
            config, CoachWiring.database(config), new OnnxEmbedder(config.embeddingModel()));
    List<Evidence> evidence = evidence(core);
    ScopePolicy current = core.retriever().scopePolicy();
    System.out.printf(
        "model %s, %d questions, calibrated; current policy %s: %s%n",
        config.embeddingModel().id(), evidence.size(), current, errors(evidence, current));
    for (int strong = 38; strong <= 50; strong++) {
      for (int weak = strong - 12; weak <= strong; weak++) {
        for (int coverage = 40; coverage <= 80; coverage += 5) {
          ScopePolicy policy = new ScopePolicy(strong / 100.0, weak / 100.0, coverage / 100.0);
          System.out.printf(
              "strong %.2f weak %.2f coverage %.2f: %s%n",
              strong / 100.0, weak / 100.0, coverage / 100.0, errors(evidence, policy));
        }
      }
    }
    System.exit(0);
  }

  private static List<Evidence> evidence(CoachCore core) {
    List<Evidence> evidence = new ArrayList<>();
    for (EvaluationSet.Item item : EvaluationSet.load().items()) {
      add(evidence, core, item.question(), !item.expected().equals(EvaluationSet.OUT_OF_SCOPE));
    }
    for (SectionSet set :
        List.of(SectionSet.tune(core.knowledge()), SectionSet.tune2(core.knowledge()))) {
      for (SectionSet.Item item : set.items()) {
        add(evidence, core, item.question(), item.inScope());
      }
    }
    return evidence;
  }

  /** The mean best similarity of the in-scope questions, then of the out-of-scope ones. */
  private static double[] means(List<Evidence> evidence) {
    double[] sum = new double[2];
    int[] count = new int[2];
    for (Evidence e : evidence) {
      int i = e.inScope() ? 0 : 1;
      sum[i] += e.similarity();
      count[i]++;
    }
    return new double[] {sum[0] / count[0], sum[1] / count[1]};
  }

  private static void add(List<Evidence> out, CoachCore core, String question, boolean inScope) {
    Retrieval r = core.retriever().retrieve(question, 1);
    out.add(new Evidence(inScope, r.topSimilarity(), r.termCoverage()));
  }

  private static String errors(List<Evidence> evidence, ScopePolicy policy) {
    int refused = 0;
    int passed = 0;
    int outOfScope = 0;
    for (Evidence e : evidence) {
      boolean verdict = policy.inScope(e.similarity(), e.coverage());
      if (e.inScope() && !verdict) {
        refused++;
      }
      if (!e.inScope()) {
        outOfScope++;
        if (verdict) {
          passed++;
        }
      }
    }
    return String.format(
        "in-scope refused %d of %d, out-of-scope let through %d of %d",
        refused, evidence.size() - outOfScope, passed, outOfScope);
  }
}
