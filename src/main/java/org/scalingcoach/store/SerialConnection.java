package org.scalingcoach.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One long-lived SQLite connection that callers take turns on, in arrival order. Opening a SQLite
 * connection costs far more than a small query, and SQLite's busy handler retries with growing
 * sleeps, which under hundreds of concurrent clicks gives some of them multi-second waits; a fair
 * queue in front of a single connection keeps every wait short and even. Other processes on the
 * same file are still covered by the busy timeout.
 */
final class SerialConnection {
  private final Database database;
  private final ReentrantLock lock = new ReentrantLock(true);
  private Connection connection;

  SerialConnection(Database database) {
    this.database = database;
  }

  /** Runs {@code work} in auto-commit mode. */
  <T> T read(Database.SqlWork<T> work) {
    lock.lock();
    try {
      return work.run(open());
    } catch (SQLException e) {
      discard();
      throw new StoreException("database read failed on " + database.file(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code work} in one immediate transaction, rolled back on any failure. */
  <T> T write(Database.SqlWork<T> work) {
    lock.lock();
    try {
      Connection c = open();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      discard();
      throw new StoreException("database write failed on " + database.file(), e);
    } finally {
      lock.unlock();
    }
  }

  private Connection open() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = database.connection();
    }
    return connection;
  }

  /** Drops a connection that failed, so the next call starts from a fresh one. */
  private void discard() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the connection is being thrown away because it already failed
      }
      connection = null;
    }
  }
}
