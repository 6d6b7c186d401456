package org.scalingcoach.conversation;

/** Where 👍 and 👎 on answers are kept, one table for every platform. */
public interface FeedbackLog {

  /**
   * Keeps {@code click}'s vote on the answer it was under ({@link Turn#thread()}); the click's
   * token names the question, topic and source the answer was about.
   */
  void record(Turn click, boolean helpful);
}
