package org.scalingcoach.delivery;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many delivery threads do processor work at once. A delivery mostly waits (on Slack's or the
 * Connector's answers, on the answering pool); between those waits it reads and writes the database
 * and renders replies. Many delivery threads doing that at once on few cores only take turns on
 * them, each stretched by all the others, and a thread that holds the database's write turn can be
 * preempted while others queue for it. With slots, a delivery thread holds one while it computes
 * and gives it back while it waits ({@link #whileWaiting}), so at most that many compute at once,
 * in the order they asked.
 */
public final class ProcessorSlots {
  private static final ThreadLocal<ProcessorSlots> HELD = new ThreadLocal<>();
  private static final Duration TAKE_BACK_LIMIT = Duration.ofSeconds(1);

  private final Semaphore slots;

  /** {@code count} slots; 0 means no limit (every delivery thread computes when it likes). */
  public ProcessorSlots(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("slots must be zero (no limit) or more");
    }
    this.slots = count == 0 ? null : new Semaphore(count, true);
  }

  /** Slots free now (tests). */
  int available() {
    return slots == null ? Integer.MAX_VALUE : slots.availablePermits();
  }

  /** A wait that gives back the thread's slot: a network call, another pool's result. */
  @FunctionalInterface
  public interface Wait<T, E extends Exception, F extends Exception> {
    T get() throws E, F;
  }

  /** Runs {@code work} holding a slot (or as it is, when this thread holds one already). */
  void run(Runnable work) {
    if (slots == null || HELD.get() != null) {
      work.run();
      return;
    }
    slots.acquireUninterruptibly();
    HELD.set(this);
    try {
      work.run();
    } finally {
      if (HELD.get() == this) { // else a wait gave the slot back and could not take it again
        HELD.remove();
        slots.release();
      }
    }
  }

  /**
   * Runs {@code wait} without this thread's slot, if it holds one, and takes a slot again before
   * going on: the thread waits in line behind those that asked first.
   */
  public static <T, E extends Exception, F extends Exception> T whileWaiting(Wait<T, E, F> wait)
      throws E, F {
    ProcessorSlots held = HELD.get();
    if (held == null) {
      return wait.get();
    }
    HELD.remove();
    held.slots.release();
    try {
      return wait.get();
    } finally {
      if (held.takeBack()) {
        HELD.set(held);
      }
    }
  }

  /**
   * A slot again after a wait, in line behind those that asked first; after a second without one
   * the thread goes on without, so a slot can never be waited for forever (say, by a thread that
   * holds a lock the slot holders queue for).
   */
  private boolean takeBack() {
    try {
      return slots.tryAcquire(TAKE_BACK_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
