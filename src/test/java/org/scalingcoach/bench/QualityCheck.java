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
    CoachConfig config = CoachConfig.fromEnvironment(env);
    boolean prefixes =
        !Boolean.getBoolean("bench.unprefixed"); // the query prefix, measured both ways
    CoachCore core =
        CoachWiring.core(
            config,
            CoachWiring.database(config),
            new org.scalingcoach.retrieval.OnnxEmbedder(config.embeddingModel(), prefixes));
    print(core.knowledge(), core.answers(), List.of(args).contains("misses"));
  }

  /** Prints every figure the labelled sets give for {@code engine}. */
  static void print(KnowledgeBase knowledge, AnswerEngine engine, boolean misses) {
    for (SectionSet set :
        List.of(
            SectionSet.tune(knowledge),
            SectionSet.heldOut(knowledge),
            SectionSet.tune2(knowledge),
            SectionSet.heldOut3(knowledge),
            SectionSet.heldOut4(knowledge),
            SectionSet.heldOut5(knowledge))) {
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
  }
}
