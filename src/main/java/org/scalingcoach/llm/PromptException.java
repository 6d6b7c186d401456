package org.scalingcoach.llm;

import java.util.List;
import org.scalingcoach.knowledge.Problem;

/** The prompt templates cannot be used; the message names each file and what is wrong in it. */
public final class PromptException extends RuntimeException {
  private final List<Problem> problems;

  public PromptException(List<Problem> problems) {
    super(
        "invalid prompt templates:\n  - "
            + String.join("\n  - ", problems.stream().map(Problem::toString).toList()));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
