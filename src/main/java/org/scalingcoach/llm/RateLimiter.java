package org.scalingcoach.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.scalingcoach.answer.Asker;

/**
 * Allows each asker at most {@code limit} written answers in any sliding window of one hour. Only
 * answers the model actually wrote count (a timeout or a provider error does not); an asker's entry
 * expires an hour after their last written answer, and at most {@link #MAX_ASKERS} are kept.
 */
final class RateLimiter {
  private static final Duration WINDOW = Duration.ofHours(1);
  static final int MAX_ASKERS = 100_000;

  private final int limit;
  private final Clock clock;
  private final Cache<Asker, Deque<Instant>> recent;

  RateLimiter(int limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
    this.recent =
        Caffeine.newBuilder()
            .expireAfterWrite(WINDOW)
            .maximumSize(MAX_ASKERS)
            .ticker(() -> clock.millis() * 1_000_000L)
            .executor(Runnable::run)
            .build();
  }

  /** Whether {@code asker} may have another written answer now. */
  boolean allows(Asker asker) {
    Deque<Instant> times = recent.getIfPresent(asker);
    if (times == null) {
      return true;
    }
    synchronized (times) {
      prune(times, clock.instant());
      return times.size() < limit;
    }
  }

  /** Counts one written answer for {@code asker}. */
  void record(Asker asker) {
    Instant now = clock.instant();
    // compute is a write, so the entry lives an hour past the newest answer it holds
    recent
        .asMap()
        .compute(
            asker,
            (a, times) -> {
              Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
              synchronized (kept) {
                prune(kept, now);
                kept.addLast(now);
              }
              return kept;
            });
  }

  /** How many askers have state held, for tests of the bound. */
  long askersHeld() {
    recent.cleanUp();
    return recent.estimatedSize();
  }

  private static void prune(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
      times.pollFirst();
    }
  }
}
