package org.scalingcoach.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets this process's SQLite transactions take the file's single write lock one at a time, with the
 * request threads' inbox inserts first in line. Without it, every waiting connection sleeps in
 * SQLite's busy handler in growing steps (1, 2, 5 … 100 ms) and retries blindly, so an
 * acknowledgement could wait tens of milliseconds for a lock that was free after one. Here a waiter
 * is woken the moment the holder leaves, and a delivery being acknowledged is let in before the
 * background work queued ahead of it. Other processes using the same file (a CLI command) still
 * meet SQLite's own busy timeout.
 */
final class WriteGate {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition doorTurn = lock.newCondition();
  private final Condition othersTurn = lock.newCondition();
  private final long timeoutNanos;
  private Thread holder;
  private int depth;
  private int doorWaiting;
  private int othersWaiting;

  /**
   * @param timeoutMillis how long a transaction waits for its turn before it fails
   */
  WriteGate(long timeoutMillis) {
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
  }

  /**
   * Waits for this thread's turn to write; {@code door} is true for the inserts that stand between
   * a platform and its acknowledgement. A thread that holds the gate may enter again.
   *
   * @throws StoreException when the turn did not come within the timeout
   */
  void enter(boolean door) {
    lock.lock();
    try {
      Thread me = Thread.currentThread();
      if (holder == me) {
        depth++;
        return;
      }
      long left = timeoutNanos;
      if (door) {
        doorWaiting++;
      } else {
        othersWaiting++;
      }
      try {
        while (holder != null || (!door && doorWaiting > 0)) {
          if (left <= 0) {
            throw new StoreException(
                "the database stayed busy for "
                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                    + " ms",
                null);
          }
          left = (door ? doorTurn : othersTurn).awaitNanos(left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted while waiting for the database", e);
      } finally {
        if (door) {
          doorWaiting--;
          if (holder == null && doorWaiting == 0 && othersWaiting > 0) {
            othersTurn.signal(); // a door waiter that gave up no longer holds the others back
          }
        } else {
          othersWaiting--;
        }
      }
      holder = me;
      depth = 1;
    } finally {
      lock.unlock();
    }
  }

  /** Ends this thread's turn and wakes the next waiter, an acknowledgement first. */
  void leave() {
    lock.lock();
    try {
      if (holder != Thread.currentThread()) {
        throw new IllegalStateException("the write gate is not held by this thread");
      }
      if (--depth > 0) {
        return;
      }
      holder = null;
      if (doorWaiting > 0) {
        doorTurn.signal();
      } else if (othersWaiting > 0) {
        othersTurn.signal();
      }
    } finally {
      lock.unlock();
    }
  }
}
