package org.scalingcoach.answer;

import java.util.function.Consumer;

/** Answers a question from the knowledge base; every channel asks through this. */
public interface AnswerEngine {
  Answer answer(Question question);

  /**
   * Answers like {@link #answer(Question)}, passing the whole answer written so far to {@code
   * partialMarkdown} each time it grows, so a channel can show it building up. The returned answer
   * is the final one, which may differ from the last partial (for example after a fallback).
   * Engines that do not write progressively never call {@code partialMarkdown}.
   */
  default Answer answerStreaming(Question question, Consumer<String> partialMarkdown) {
    return answer(question);
  }
}
