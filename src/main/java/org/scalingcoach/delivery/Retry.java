package org.scalingcoach.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * How a call to a chat platform is tried again, for every adapter: a fixed number of attempts, a
 * pause that doubles after each transient failure (a 5xx, a dropped connection), and for a
 * throttled call (429) the wait the platform asks for in {@code Retry-After}, never more than
 * {@link #MAX_WAIT}. Which failures are transient is the adapter's to say; when and how long to
 * wait is decided here.
 */
public final class Retry {
  /** The longest a caller waits before one more attempt, whatever the platform asks. */
  public static final Duration MAX_WAIT = Duration.ofSeconds(30);

  /** Waits between attempts; tests may shorten it. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Really waits: the sleeper of production code. */
    Sleeper THREAD = wait -> Thread.sleep(wait.toMillis());
  }

  /** Thrown when the thread is interrupted while waiting for the next attempt. */
  public static final class Interrupted extends Exception {
    Interrupted(InterruptedException cause) {
      super("interrupted while waiting to retry", cause);
    }
  }

  private final int attempts;
  private final Duration firstBackoff;
  private final Sleeper sleeper;

  /**
   * @param attempts how many times a call is tried in all
   * @param firstBackoff the pause before the second attempt, doubled for each further one
   */
  public Retry(int attempts, Duration firstBackoff, Sleeper sleeper) {
    if (attempts < 1) {
      throw new IllegalArgumentException("a call is tried at least once");
    }
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
    this.sleeper = sleeper;
  }

  /** How many times a call is tried in all. */
  public int attempts() {
    return attempts;
  }

  /** Whether attempt number {@code attempt} (from 1) may be followed by another. */
  public boolean another(int attempt) {
    return attempt < attempts;
  }

  /** The pause after failed attempt number {@code attempt}: 1×, 2×, 4× … the first backoff. */
  public Duration backoff(int attempt) {
    Duration wait = firstBackoff.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 10));
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }

  /**
   * The wait a throttled call's {@code Retry-After} header asks for (whole seconds), at most {@link
   * #MAX_WAIT}; empty when there is none or it cannot be read.
   */
  public static Optional<Duration> retryAfter(String header) {
    if (header == null) {
      return Optional.empty();
    }
    try {
      Duration wait = Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
      return Optional.of(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The wait after failed attempt number {@code attempt}: what the platform's {@code Retry-After}
   * header asks for when it sent one that can be read, else the {@link #backoff}.
   */
  public Duration after(int attempt, Optional<String> retryAfterHeader) {
    return retryAfterHeader.flatMap(Retry::retryAfter).orElse(backoff(attempt));
  }

  /** Waits {@code wait} before the next attempt. */
  public void pause(Duration wait) throws Interrupted {
    try {
      ProcessorSlots.whileWaiting(
          () -> {
            sleeper.sleep(wait);
            return null;
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Interrupted(e);
    }
  }
}
