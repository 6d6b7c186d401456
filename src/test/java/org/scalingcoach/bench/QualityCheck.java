package org.scalingcoach.bench;

import java.util.List;
import java.util.Map;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.answer.ConversationSet;
import org.scalingcoach.answer.EvaluationSet;
import org.scalingcoach.answer.SectionSet;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.knowledge.KnowledgeBase;

/**
 * Prints answer quality on the labelled sets only: a quick check while tuning retrieval.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.scalingcoach.bench.QualityCheck} (add {@code -Dexec.args=misses} to list the
 * questions that missed in the tuning part and the conversations: the held-out parts' misses are
 * never printed, so that nobody tunes on them by accident).
 */
public final class QualityCheck {
  public static void main(String[] args) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("COACH_DATA_DIR", "target/bench/shipped");
    String model = System.getenv("COACH_EMBEDDING_MODEL");
    if (model != null) {
      env.put("COACH_EMBEDDING_MODEL", model);
    }
    String scopeModel = System.getenv("COACH_SCOPE_EMBEDDING_MODEL");
    if (scopeModel != null) {
      env.put("COACH_SCOPE_EMBEDDING_MODEL", scopeModel);
    }
    CoachConfig config = CoachConfig.fromEnvironment(env);
    boolean prefixes =
        !Boolean.getBoolean("bench.unprefixed"); // the query prefix, measured both ways
    var embedder = new org.scalingcoach.retrieval.OnnxEmbedder(config.embeddingModel(), prefixes);
    CoachCore core =
        CoachWiring.core(
            config,
            CoachWiring.database(config),
            embedder,
            config.scopeModel() == config.embeddingModel()
                ? embedder
                : new org.scalingcoach.retrieval.OnnxEmbedder(config.scopeModel(), prefixes));
    print(core.knowledge(), core.answers(), List.of(args).contains("misses"));
  }

  /** Prints every figure the labelled sets give for {@code engine}. */
  static void print(KnowledgeBase knowledge, AnswerEngine measured, boolean misses) {
    Timed engine = new Timed(measured);
    for (SectionSet set :
        List.of(
            SectionSet.tune(knowledge),
            SectionSet.heldOut(knowledge),
            SectionSet.tune2(knowledge),
            SectionSet.tune3(knowledge),
            SectionSet.tune4(knowledge),
            SectionSet.tune5(knowledge),
            SectionSet.tune6(knowledge),
            SectionSet.tune7(knowledge),
            SectionSet.heldOut3(knowledge),
            SectionSet.heldOut4(knowledge),
            SectionSet.heldOut5(knowledge),
            SectionSet.heldOut6(knowledge))) {
      SectionSet.Result r = set.run(engine);
      System.out.printf("section set, %s part:%n", set.name());
      System.out.printf("  overall            %s%n", r.overall().line());
      r.byTopic().forEach((topic, tally) -> System.out.printf("  %-18s %s%n", topic, tally.line()));
      System.out.printf(
          "  out-of-scope refused %d/%d (%.0f%%)%n",
          r.outOfScopeRefused(), r.outOfScope(), 100 * r.refusalRate());
      if (misses && set.name().startsWith("tuning")) {
        r.misses().forEach(m -> System.out.println("    miss: " + m));
      }
    }
    ConversationSet.Result c = ConversationSet.load().run(engine);
    System.out.printf(
        "conversations: %s; %s; %s; %s%n",
        c.line("out-of-scope-after"), c.line("follow-up"), c.line("switch"), c.line("standalone"));
    if (misses) {
      c.misses().forEach(m -> System.out.println("    miss: " + m));
    }
    for (var set :
        Map.of("topic set", EvaluationSet.load(), "topic held-out", EvaluationSet.heldOut())
            .entrySet()) {
      EvaluationSet.Result r = set.getValue().run(engine);
      System.out.printf(
          "%s: topic accuracy %.1f%%, out-of-scope refused %.1f%%, in-scope refused %d%n",
          set.getKey(), 100 * r.topicAccuracy(), 100 * r.refusalRate(), r.wronglyRefused());
      if (misses && set.getKey().equals("topic set")) {
        r.misses().forEach(m -> System.out.println("    miss: " + m));
      }
    }
    System.out.println(engine.line());
  }

  /**
   * Times each answer, one question at a time: processor time of the whole process (the embedding
   * model runs on a thread of its own) and wall time. Most questions of the sets are asked once, so
   * the embedder's cache of recent questions rarely answers: this is the cost of a new question.
   */
  private static final class Timed implements AnswerEngine {
    private final AnswerEngine engine;
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private final List<Long> wall = new java.util.ArrayList<>();
    private long cpu;

    Timed(AnswerEngine engine) {
      this.engine = engine;
    }

    @Override
    public org.scalingcoach.answer.Answer answer(org.scalingcoach.answer.Question question) {
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      try {
        return engine.answer(question);
      } finally {
        wall.add(System.nanoTime() - start);
        cpu += os.getProcessCpuTime() - cpuStart;
      }
    }

    String line() {
      List<Long> sorted = wall.stream().sorted().toList();
      return String.format(
          "cost: %d answers, processor time %.2f ms per answer, wall p50 %.2f ms, p95 %.2f ms",
          sorted.size(),
          cpu / 1e6 / Math.max(1, sorted.size()),
          sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6,
          sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1) / 1e6);
    }
  }
}
