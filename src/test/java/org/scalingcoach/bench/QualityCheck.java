package org.scalingcoach.bench;

import java.util.Map;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.answer.EvaluationSet;
import org.scalingcoach.config.CoachConfig;

/** Prints answer quality on both labelled sets only: a quick check while tuning retrieval. */
public final class QualityCheck {
  public static void main(String[] args) {
    CoachCore core =
        CoachWiring.core(
            CoachConfig.fromEnvironment(Map.of("COACH_DATA_DIR", "target/bench/shipped")));
    for (var set :
        Map.of("main", EvaluationSet.load(), "held-out", EvaluationSet.heldOut()).entrySet()) {
      EvaluationSet.Result r = set.getValue().run(core.answers());
      System.out.printf(
          "%s: accuracy %.1f%%, refused %.1f%%, wrongly refused %d%n",
          set.getKey(), 100 * r.topicAccuracy(), 100 * r.refusalRate(), r.wronglyRefused());
    }
  }
}
