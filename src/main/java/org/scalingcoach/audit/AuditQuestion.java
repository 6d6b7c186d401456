package org.scalingcoach.audit;

import java.util.List;
import java.util.Optional;

/**
 * One audit question.
 *
 * @param help why the question matters and how to judge the answer
 * @param knowledge the knowledge section that explains it, as {@code documentId#anchor}
 * @param action what to do next when the answer shows a gap
 */
public record AuditQuestion(
    String id,
    String dimensionId,
    String text,
    String help,
    String knowledge,
    String action,
    List<AnswerOption> options) {

  public AuditQuestion {
    options = List.copyOf(options);
  }

  public Optional<AnswerOption> option(String optionId) {
    return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
  }
}
