package org.scalingcoach.console;

import java.time.Instant;
import java.util.List;

/** Questions admins should act on: those not answered and answers voted down, newest first. */
public interface InsightQueue {

  /** What happened to a question. */
  enum Kind {
    UNANSWERED,
    VOTED_DOWN
  }

  /**
   * One question to act on.
   *
   * @param sources the section keys the answer cited, comma separated; empty when not answered
   */
  record Item(Kind kind, String channel, String question, Instant at, String sources) {}

  /** Items of one workspace since {@code since}, newest first, at most {@code limit}. */
  List<Item> newest(String teamId, Instant since, int limit);
}
