package org.scalingcoach.conversation;

/** Where 👍 and 👎 on answers are kept, one table for every platform. */
public interface FeedbackLog {

  /**
   * Keeps {@code click}'s vote on the answer it was under ({@link Turn#thread()}); the click's
   * token names the answer (and, where the platform keeps no answers, the question, topic and
   * source it was about). Returns false when the answer is no longer known, so nothing was kept.
   */
  boolean record(Turn click, boolean helpful);
}
