package org.scalingcoach.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file on a thread of its own. SQLite's
 * automatic checkpoint (turned off on this process's connections) runs inside whichever commit
 * pushes the log past 1,000 pages, under the write lock, copying those pages and syncing the file
 * twice: that commit, and every writer queued behind it, waited tens of milliseconds. Here the bulk
 * of the copying and syncing runs beside the writers; only when the log has grown past a bound is a
 * short last pass made in the write turn: a {@code RESTART} checkpoint, which copies the few pages
 * written since, waits briefly for readers still using the log, and so lets the next write start
 * the log from its beginning. A reader that keeps it waiting longer than {@link #READER_WAIT}
 * postpones the restart to the next round rather than holding up the writers.
 */
final class Checkpoints implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

  /** Log pages (4 KiB each) after which the write turn is taken to complete a checkpoint. */
  static final int RESET_PAGES = 1_000;

  /** How long the last pass waits for readers to finish with the log. */
  static final Duration READER_WAIT = Duration.ofMillis(100);

  private final DataSource connections;
  private final WriteGate gate;
  private final ScheduledExecutorService timer;
  private final AtomicLong restarts = new AtomicLong();

  /** What a checkpoint reported: pages in the log, pages copied back, whether it was blocked. */
  record Pass(boolean busy, int logPages, int copiedPages) {
    boolean complete() {
      return !busy && copiedPages == logPages;
    }
  }

  Checkpoints(DataSource connections, WriteGate gate) {
    this.connections = connections;
    this.gate = gate;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "sqlite-checkpoints");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Checkpoints every {@code every} from now on. */
  void start(Duration every) {
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            runOnce();
          } catch (RuntimeException e) {
            log.warn("checkpointing the SQLite log failed; will try again: {}", e.toString());
          }
        },
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * One round: a passive checkpoint beside the writers, then, if the log is past {@link
   * #RESET_PAGES}, the restarting pass in the write turn.
   */
  synchronized Pass runOnce() {
    Pass beside = checkpoint("PASSIVE", Database.BUSY_TIMEOUT_MILLIS);
    // Another process's checkpoint running at the same time reports -1: try again next round.
    if (beside.logPages() < RESET_PAGES) {
      return beside;
    }
    gate.enter(false);
    try {
      Pass last = checkpoint("RESTART", READER_WAIT.toMillis());
      if (last.complete()) {
        restarts.incrementAndGet();
      }
      return last;
    } finally {
      gate.leave();
    }
  }

  /** How many rounds let the log start over from its beginning. */
  long restarts() {
    return restarts.get();
  }

  private Pass checkpoint(String mode, long busyMillis) {
    try (Connection connection = connections.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + busyMillis);
      try (ResultSet row = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
        row.next();
        return new Pass(row.getInt(1) != 0, row.getInt(2), row.getInt(3));
      } finally {
        statement.execute("PRAGMA busy_timeout = " + Database.BUSY_TIMEOUT_MILLIS);
      }
    } catch (SQLException e) {
      throw new StoreException("checkpointing the SQLite log failed", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
