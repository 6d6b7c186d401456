package org.scalingcoach.answer;

import java.util.List;

/**
 * A question as it reaches the core from any channel, with the earlier turns of its thread (oldest
 * first) when it is a follow-up.
 */
public record Question(String text, List<Turn> history) {

  public Question {
    if (text == null) {
      throw new IllegalArgumentException("question text must not be null");
    }
    text = text.strip();
    history = List.copyOf(history);
  }

  public static Question of(String text) {
    return new Question(text, List.of());
  }

  /** The most recent question the user asked before this one, if any. */
  public java.util.Optional<String> previousUserQuestion() {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).speaker() == Turn.Speaker.USER) {
        return java.util.Optional.of(history.get(i).text());
      }
    }
    return java.util.Optional.empty();
  }
}
