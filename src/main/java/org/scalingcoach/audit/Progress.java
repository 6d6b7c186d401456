package org.scalingcoach.audit;

import java.util.Map;
import java.util.Optional;

/**
 * What a person sees after each action: the audit, the question to answer now (none once every
 * question has been seen), and a notice when their click was not applied as made.
 *
 * @param notice a friendly note, such as "that button was for an earlier question", or null
 * @param changed whether this action changed the audit; false for a repeated click
 */
public record Progress(
    AuditRecord audit,
    AuditDefinition definition,
    Map<String, RecordedAnswer> answers,
    AuditQuestion question,
    String notice,
    boolean changed) {

  public Progress {
    answers = Map.copyOf(answers);
  }

  public Optional<AuditQuestion> current() {
    return Optional.ofNullable(question);
  }

  /** True when every question has been seen and the audit can be finished. */
  public boolean readyToFinish() {
    return question == null;
  }

  public int total() {
    return definition.questions().size();
  }

  /** One-based number of the current question. */
  public int number() {
    return Math.min(audit.position() + 1, total());
  }

  public long answeredCount() {
    return answers.values().stream().filter(a -> !a.isSkipped()).count();
  }

  public long skippedCount() {
    return answers.values().stream().filter(RecordedAnswer::isSkipped).count();
  }

  /** "Question 3 of 12 · Data quality", or a summary once every question has been seen. */
  public String progressLine() {
    if (question == null) {
      return "All "
          + total()
          + " questions seen · "
          + answeredCount()
          + " answered, "
          + skippedCount()
          + " skipped";
    }
    return "Question "
        + number()
        + " of "
        + total()
        + " · "
        + definition.dimension(question.dimensionId()).name();
  }

  /** The option chosen earlier for the current question, if it was answered before. */
  public Optional<String> chosenOption() {
    return current().map(q -> answers.get(q.id())).map(RecordedAnswer::optionId);
  }

  /** The same progress with {@code notice} shown to the person. */
  Progress withNotice(String notice) {
    return new Progress(audit, definition, answers, question, notice, changed);
  }

  /** The same progress, marked as having changed the audit. */
  Progress asChanged() {
    return new Progress(audit, definition, answers, question, notice, true);
  }
}
