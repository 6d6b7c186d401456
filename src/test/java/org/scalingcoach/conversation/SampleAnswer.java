package org.scalingcoach.conversation;

import java.util.List;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.Citation;
import org.scalingcoach.knowledge.Topic;

/** An answer with two sources and a follow-up, for the renderers' tests. */
public final class SampleAnswer {
  public static final Answer DRIFT =
      new Answer(
          "How do we know our model is drifting?",
          true,
          Topic.MODEL_RETRAINING,
          "Watch the input distribution against training data. [1]\n- Track live accuracy. [2]",
          List.of(
              new Citation(
                  "drift-detection",
                  "Detecting drift",
                  Topic.MODEL_RETRAINING,
                  "Signals of drift",
                  "signals-of-drift",
                  0.9),
              new Citation(
                  "monitoring",
                  "Monitoring models",
                  Topic.MODEL_RETRAINING,
                  "Live accuracy",
                  "live-accuracy",
                  0.7)),
          List.of("Tell me about retraining schedules"));

  private SampleAnswer() {}
}
