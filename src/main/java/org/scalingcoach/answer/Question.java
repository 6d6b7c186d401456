package org.scalingcoach.answer;

import java.util.List;

/**
 * A question as it reaches the core from any channel, with the earlier turns of its thread (oldest
 * first) when it is a follow-up, and who asked it.
 */
public record Question(String text, List<PastTurn> history, Asker asker) {

  public Question {
    if (text == null) {
      throw new IllegalArgumentException("question text must not be null");
    }
    text = text.strip();
    history = List.copyOf(history);
    asker = asker == null ? Asker.LOCAL : asker;
  }

  /** A question from someone outside any workspace, e.g. on the command line. */
  public Question(String text, List<PastTurn> history) {
    this(text, history, Asker.LOCAL);
  }

  public static Question of(String text) {
    return new Question(text, List.of());
  }

  /** The most recent question the user asked before this one, if any. */
  public java.util.Optional<String> previousUserQuestion() {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).speaker() == PastTurn.Speaker.USER) {
        return java.util.Optional.of(history.get(i).text());
      }
    }
    return java.util.Optional.empty();
  }
}
