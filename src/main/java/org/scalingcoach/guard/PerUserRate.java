package org.scalingcoach.guard;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} questions per person in any sliding minute, so that one person (or a script
 * with their account) cannot occupy the answer workers. In memory: a restart forgets.
 */
public final class PerUserRate {
  /** Questions a person may ask in a minute. */
  public static final int QUESTIONS_PER_MINUTE = 20;

  /** What the person is told when over the limit. */
  public static final String REPLY =
      "You're asking faster than I can answer well: at most "
          + QUESTIONS_PER_MINUTE
          + " questions a minute. Please wait a moment and ask again.";

  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int MAX_PEOPLE = 10_000;

  private final int limit;
  private final Clock clock;
  private final Map<String, Deque<Long>> recent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
          return size() > MAX_PEOPLE;
        }
      };

  public PerUserRate(int limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  public static PerUserRate standard() {
    return new PerUserRate(QUESTIONS_PER_MINUTE, Clock.systemUTC());
  }

  /** Counts a question from this person; false when it is over the limit (and not counted). */
  public synchronized boolean allow(String workspace, String user) {
    long now = clock.millis();
    Deque<Long> times = recent.computeIfAbsent(workspace + "/" + user, k -> new ArrayDeque<>());
    while (!times.isEmpty() && times.peekFirst() <= now - WINDOW.toMillis()) {
      times.pollFirst();
    }
    if (times.size() >= limit) {
      return false;
    }
    times.addLast(now);
    return true;
  }
}
