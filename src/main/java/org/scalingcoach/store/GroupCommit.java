package org.scalingcoach.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs many threads' small writes in one transaction: whoever arrives while no batch is being
 * written writes everything queued so far, and every thread waits only for its own result. When
 * eight requests store their deliveries at once they take the write lock and the connection once,
 * instead of queueing for them one after the other and each paying a wake-up on a busy machine.
 * Each write runs under its own savepoint, so one that fails is undone alone and fails only its
 * caller.
 */
final class GroupCommit {
  private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();
  private final Function<Database.SqlWork<Void>, Void> transaction;

  /**
   * @param transaction runs its argument in one transaction, committing when it returns
   */
  GroupCommit(Function<Database.SqlWork<Void>, Void> transaction) {
    this.transaction = transaction;
  }

  /** Runs {@code work} in a transaction shared with the writes queued beside it. */
  <T> T run(Database.SqlWork<T> work) {
    Pending<T> mine = new Pending<>(work);
    queue.add(mine);
    while (!mine.result.isDone()) {
      if (writing.compareAndSet(false, true)) {
        try {
          writeQueued();
        } finally {
          writing.set(false);
        }
      } else {
        // The batch being written may have been drained before this one was queued: look again
        // shortly, and become the writer if nobody is.
        waitBriefly(mine.result);
      }
    }
    try {
      return mine.result.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new StoreException("database operation failed", e.getCause());
    }
  }

  private static void waitBriefly(CompletableFuture<?> result) {
    try {
      result.get(1, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Done or not, the caller looks at the result itself.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for the database", e);
    }
  }

  private void writeQueued() {
    List<Pending<?>> batch = new ArrayList<>();
    for (Pending<?> next = queue.poll(); next != null; next = queue.poll()) {
      batch.add(next);
    }
    if (batch.isEmpty()) {
      return;
    }
    List<Runnable> outcomes = new ArrayList<>(batch.size());
    try {
      transaction.apply(
          connection -> {
            for (Pending<?> pending : batch) {
              outcomes.add(pending.runUnder(connection));
            }
            return null;
          });
    } catch (RuntimeException e) {
      // Nothing of the batch was committed: every caller in it fails.
      batch.forEach(pending -> pending.result.completeExceptionally(e));
      return;
    }
    outcomes.forEach(Runnable::run);
  }

  private static final class Pending<T> {
    final Database.SqlWork<T> work;
    final CompletableFuture<T> result = new CompletableFuture<>();

    Pending(Database.SqlWork<T> work) {
      this.work = work;
    }

    /** Runs the work under a savepoint; returns how to tell its caller once the batch commits. */
    Runnable runUnder(Connection connection) throws SQLException {
      Savepoint savepoint = connection.setSavepoint();
      try {
        T value = work.run(connection);
        connection.releaseSavepoint(savepoint);
        return () -> result.complete(value);
      } catch (SQLException | RuntimeException e) {
        connection.rollback(savepoint);
        RuntimeException failure =
            e instanceof RuntimeException runtime
                ? runtime
                : new StoreException("database operation failed", e);
        return () -> result.completeExceptionally(failure);
      }
    }
  }
}
