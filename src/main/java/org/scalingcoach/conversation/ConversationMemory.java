package org.scalingcoach.conversation;

import java.util.List;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.PastTurn;

/** What the conversation remembers of each chat, so a follow-up is read with what came before. */
public interface ConversationMemory {

  /** The last turns of {@code turn}'s conversation (and thread), oldest first. */
  List<PastTurn> recent(Turn turn);

  /**
   * Keeps a question and its answer, for follow-ups and the admins' insights, and returns the id
   * feedback on the answer will name (opaque to the core).
   */
  String remember(Turn turn, String question, Answer answer);
}
