package org.scalingcoach.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite file that holds all state, migrated by Flyway on open. Connections come from a small
 * HikariCP pool; each runs in WAL mode with a busy timeout, foreign keys on, and transactions that
 * take the write lock up front.
 */
public final class Database implements AutoCloseable {
  /**
   * SQLite has one writer at a time: more connections only add busy-handler sleeps (which grow to
   * 100 ms steps), while a few let reads overlap a write. Callers beyond these wait in the pool's
   * queue, which hands connections over in arrival order.
   */
  static final int POOL_SIZE = 4;

  private final Path file;
  private final HikariDataSource dataSource;

  private Database(Path file, HikariDataSource dataSource) {
    this.file = file;
    this.dataSource = dataSource;
  }

  /** Opens (creating if needed) the database at {@code file} and brings its schema up to date. */
  public static Database open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folder for " + file, e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(5_000);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    HikariConfig pool = new HikariConfig();
    pool.setDataSource(sqlite);
    pool.setPoolName("sqlite-" + file.getFileName());
    pool.setMaximumPoolSize(POOL_SIZE);
    pool.setMinimumIdle(1);
    pool.setConnectionTimeout(30_000);
    HikariDataSource dataSource = new HikariDataSource(pool);
    try {
      migrate(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(file, dataSource);
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .outOfOrder(true)
        .load()
        .migrate();
  }

  public Path file() {
    return file;
  }

  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** Runs {@code work} in one transaction, committing on success and rolling back on failure. */
  public <T> T inTransaction(SqlWork<T> work) {
    try (Connection connection = connection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("database operation failed on " + file, e);
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode. */
  public <T> T withConnection(SqlWork<T> work) {
    try (Connection connection = connection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("database operation failed on " + file, e);
    }
  }

  /** True when a trivial query succeeds: what {@code /healthz} reports. */
  public boolean reachable() {
    try (Connection connection = connection();
        var statement = connection.createStatement();
        var rs = statement.executeQuery("SELECT 1")) {
      return rs.next();
    } catch (SQLException e) {
      return false;
    }
  }

  /** Closes every pooled connection; the database cannot be used afterwards. */
  @Override
  public void close() {
    dataSource.close();
  }

  /** A unit of JDBC work. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
