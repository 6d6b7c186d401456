package org.scalingcoach.conversation;

import java.util.function.Consumer;

/**
 * Where the replies to one turn go: the platform's side of the conversation the turn came from,
 * which an adapter gives {@link ConversationService#converse} for each turn. The service decides
 * what is said; the outbox renders and sends it.
 */
public interface Outbox {
  /** Sends {@code reply} to the conversation the turn came from. */
  void send(Reply reply);

  /** Where to show an answer while it is written, or null (the default) for no preview. */
  default Consumer<String> preview() {
    return null;
  }

  /**
   * Sends the answer to {@code question}; by default like any reply. What a platform adds around an
   * answer (who asked, a Share button, where it landed) is its own.
   */
  default void answered(String question, Route.Answered answer) {
    send(answer.reply());
  }
}
