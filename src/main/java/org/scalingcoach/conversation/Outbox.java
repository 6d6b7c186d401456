package org.scalingcoach.conversation;

import java.util.function.Consumer;

/**
 * Where the replies to one turn go: the platform's side of the conversation the turn came from,
 * which an adapter gives {@link ConversationService#converse} for each turn. The service decides
 * what is said and where it belongs (the conversation, the person alone, in place of a clicked
 * message, the person's own chat); the outbox renders and sends it. Every placement falls back on
 * {@link #send}, so a platform that has one kind of place implements one method.
 */
public interface Outbox {
  /** Sends {@code reply} to the conversation the turn came from. */
  void send(Reply reply);

  /**
   * Tells the person who clicked or typed, and nobody else where the platform can (a click's
   * thanks, a refusal, a short audit note).
   */
  default void note(Reply reply) {
    send(reply);
  }

  /** Shows {@code reply} in place of the message whose button was clicked, where there is one. */
  default void replace(Reply reply) {
    send(reply);
  }

  /**
   * Sends {@code reply} to the person's own chat with the coach (an audit's questions, reports).
   */
  default void privately(Reply reply) {
    send(reply);
  }

  /**
   * Adds a model's {@code summary} to {@code report}, which was already shown: by default as a
   * message of its own after it.
   */
  default void summarised(Reply report, Reply summary) {
    send(summary);
  }

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
