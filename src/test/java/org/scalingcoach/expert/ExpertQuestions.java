package org.scalingcoach.expert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Open expert questions as the desk stores them, for tests of how they are shown. */
public final class ExpertQuestions {
  private ExpertQuestions() {}

  /** An open question from {@code platform}'s user, routed to the retraining experts. */
  public static ExpertQuestion open(
      String platform, String question, String context, String coachAnswer) {
    return new ExpertQuestion(
        7,
        new ExpertQuestion.Asker(platform, "T1", "U0ANNA", "D0ANNA", ""),
        question,
        context,
        coachAnswer,
        List.of("Retraining › Who owns it"),
        "model-retraining",
        Optional.empty(),
        Optional.empty(),
        ExpertQuestion.State.OPEN,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Instant.parse("2026-01-05T09:00:00Z"),
        Instant.parse("2026-01-06T09:00:00Z"),
        Optional.empty(),
        Optional.empty(),
        1);
  }
}
