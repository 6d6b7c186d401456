package org.scalingcoach.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.scalingcoach.answer.Asker;

/** Allows each asker at most {@code limit} written answers in any sliding window of one hour. */
final class RateLimiter {
  private static final Duration WINDOW = Duration.ofHours(1);

  private final int limit;
  private final Clock clock;
  private final Map<Asker, Deque<Instant>> recent = new ConcurrentHashMap<>();

  RateLimiter(int limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /** Counts one answer for {@code asker} and returns true, or returns false if over the limit. */
  boolean tryAcquire(Asker asker) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(asker, a -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
        times.pollFirst();
      }
      if (times.size() >= limit) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }
}
