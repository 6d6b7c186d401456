package org.scalingcoach.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.scalingcoach.config.JdbcAddresses;
import org.scalingcoach.config.SetupException;
import org.scalingcoach.metrics.CoachMetrics;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database that holds all state, migrated by Flyway on open, with connections from a HikariCP
 * pool: by default a SQLite file (WAL mode, a busy timeout, foreign keys on, transactions that take
 * the write lock up front); with a PostgreSQL address, a server several replicas share.
 */
public final class Database implements AutoCloseable {
  /**
   * SQLite has one writer at a time: more connections only add busy-handler sleeps (which grow to
   * 100 ms steps), while a few let reads overlap a write. Callers beyond these wait in the pool's
   * queue, which hands connections over in arrival order.
   */
  static final int POOL_SIZE = 4;

  /**
   * SQLite connections for transactions, apart from the reads' pool: a transaction takes one only
   * once it holds the write gate, so the one holder (two with a nested transaction) never waits,
   * and writers queued for the gate hold no connection a read could use.
   */
  static final int SQLITE_WRITER_SIZE = 2;

  /**
   * A PostgreSQL server runs transactions side by side; each replica's 32 delivery workers hold a
   * connection only for one short statement at a time, so a few more than SQLite's are enough.
   */
  static final int POSTGRES_POOL_SIZE = 10;

  /**
   * Connections kept for the request threads' inbox inserts ({@link #atTheDoor}), so that an
   * acknowledgement never queues for a connection behind the delivery workers. On SQLite one is
   * enough: the inserts take the single write lock one at a time anyway.
   */
  static final int SQLITE_DOOR_SIZE = 1;

  static final int POSTGRES_DOOR_SIZE = 2;

  /** How often the SQLite log is copied back into the database file ({@link Checkpoints}). */
  static final Duration CHECKPOINT_EVERY = Duration.ofMillis(100);

  /** How long a SQLite transaction waits for the write lock before it fails. */
  static final int BUSY_TIMEOUT_MILLIS = 5_000;

  /** How long work a replica took stays its own without a renewal, unless configured. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

  private final DatabaseKind kind;
  private final String description;
  private final HikariDataSource dataSource;
  private final HikariDataSource writers;
  private final Supplier<HikariDataSource> openDoor;
  private final Replica replica;
  private final WriteGate gate;
  private final Checkpoints checkpoints;
  private final GroupCommit doorWrites = new GroupCommit(work -> inTransaction(door(), true, work));
  private final GroupCommit sharedWrites = new GroupCommit(this::inTransaction);
  private ReplicaLeases leases;
  private HikariDataSource door;

  private Database(
      DatabaseKind kind,
      String description,
      HikariDataSource dataSource,
      HikariDataSource writers,
      Supplier<HikariDataSource> openDoor,
      Replica replica) {
    this.kind = kind;
    this.description = description;
    this.dataSource = dataSource;
    this.writers = writers;
    this.openDoor = openDoor;
    this.replica = replica;
    // PostgreSQL runs transactions side by side; only SQLite's single writer needs the queue.
    this.gate = kind == DatabaseKind.SQLITE ? new WriteGate(BUSY_TIMEOUT_MILLIS) : null;
    this.checkpoints = gate == null ? null : new Checkpoints(dataSource, gate);
    if (checkpoints != null) {
      checkpoints.start(CHECKPOINT_EVERY);
    }
  }

  /**
   * This process as the database knows it: its name among the replicas sharing the database, and
   * how long work it took stays its own without being renewed.
   */
  public record Replica(String id, Duration lease) {
    /** The only process using a database. */
    public static final Replica LOCAL = new Replica("local", DEFAULT_LEASE);
  }

  /** Opens (creating if needed) the SQLite file {@code file} and brings its schema up to date. */
  public static Database open(Path file) {
    return open(file, Replica.LOCAL);
  }

  /** The same, naming this process {@code replica}. */
  public static Database open(Path file, Replica replica) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folder for " + file, e);
    }
    return open(
        DatabaseKind.SQLITE,
        file.toString(),
        sqlitePool(file, "sqlite-" + file.getFileName(), POOL_SIZE),
        () -> sqlitePool(file, "sqlite-writer-" + file.getFileName(), SQLITE_WRITER_SIZE),
        () -> sqlitePool(file, "sqlite-door-" + file.getFileName(), SQLITE_DOOR_SIZE),
        replica);
  }

  private static HikariDataSource sqlitePool(Path file, String name, int size) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    // After a checkpoint starts the log over, a log file grown past this is cut back to it.
    config.setJournalSizeLimit(16 * 1024 * 1024);
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    HikariConfig pool = new HikariConfig();
    pool.setDataSource(sqlite);
    pool.setPoolName(name);
    pool.setMaximumPoolSize(size);
    pool.setMinimumIdle(1);
    pool.setConnectionTimeout(30_000);
    // Checkpoints run on their own thread (Checkpoints), not inside a commit.
    pool.setConnectionInitSql("PRAGMA wal_autocheckpoint = 0");
    return new HikariDataSource(pool);
  }

  /**
   * Connects to the PostgreSQL database at {@code url} (a {@code jdbc:postgresql://} address) and
   * brings its schema up to date. A server that cannot be reached or refuses the login is a {@link
   * SetupException} whose message names the address without any password.
   */
  public static Database openPostgres(String url, String user, String password, Replica replica) {
    String shown = JdbcAddresses.withoutSecrets(url);
    HikariDataSource dataSource =
        postgresPool(url, user, password, shown, "postgresql", POSTGRES_POOL_SIZE);
    return open(
        DatabaseKind.POSTGRESQL,
        shown,
        dataSource,
        () -> dataSource,
        () -> postgresPool(url, user, password, shown, "postgresql-door", POSTGRES_DOOR_SIZE),
        replica);
  }

  private static HikariDataSource postgresPool(
      String url, String user, String password, String shown, String name, int size) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setPoolName(name);
    pool.setMaximumPoolSize(size);
    pool.setMinimumIdle(Math.min(2, size));
    // A replica that lost the database must answer /healthz and give up claims quickly, not wait.
    pool.setConnectionTimeout(5_000);
    pool.setValidationTimeout(2_000);
    pool.setInitializationFailTimeout(10_000);
    pool.addDataSourceProperty("connectTimeout", "5");
    pool.addDataSourceProperty("socketTimeout", "60");
    pool.addDataSourceProperty("ApplicationName", "scaling-coach");
    try {
      return new HikariDataSource(pool);
    } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
      throw new SetupException(
          "cannot connect to the PostgreSQL database at "
              + shown
              + " ("
              + JdbcAddresses.reason(e)
              + "): check COACH_DATABASE_URL, COACH_DATABASE_USER and the password, and that the"
              + " server is running and reachable",
          e);
    }
  }

  private static Database open(
      DatabaseKind kind,
      String description,
      HikariDataSource source,
      Supplier<HikariDataSource> openWriters,
      Supplier<HikariDataSource> openDoor,
      Replica replica) {
    try {
      migrate(kind, source);
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
    return new Database(kind, description, source, openWriters.get(), openDoor, replica);
  }

  private static void migrate(DatabaseKind kind, DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(kind.migrationLocations())
        .outOfOrder(true)
        .load()
        .migrate();
  }

  public DatabaseKind kind() {
    return kind;
  }

  public Replica replica() {
    return replica;
  }

  /** The leases on background work this process takes part in, renewed while it runs. */
  public synchronized ReplicaLeases leases() {
    if (leases == null) {
      leases = new ReplicaLeases(this, java.time.Clock.systemUTC());
    }
    return leases;
  }

  /** The SQLite file; a PostgreSQL database has none. */
  public Path file() {
    if (kind != DatabaseKind.SQLITE) {
      throw new IllegalStateException("a PostgreSQL database has no file");
    }
    return Path.of(description);
  }

  /** The file or the server address (without secrets), for messages. */
  public String description() {
    return description;
  }

  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** Runs {@code work} in one transaction, committing on success and rolling back on failure. */
  public <T> T inTransaction(SqlWork<T> work) {
    return inTransaction(writers, false, work);
  }

  /**
   * The same for the request threads, which store a delivery before they acknowledge it, and for
   * the note of which message a delivery's reply became, taken the moment the platform accepted it:
   * short writes only. They run on connections kept for them, first in line for SQLite's write
   * lock, and on SQLite the writes that arrive together share one transaction; {@code work} must
   * not depend on running alone. The connections open on first use.
   */
  public <T> T atTheDoor(SqlWork<T> work) {
    // PostgreSQL has no write lock to take once for many: there a batch only adds deadlocks (two
    // replicas' batches storing the same redelivered event beside other rows, in other orders).
    return gate == null ? inTransaction(door(), true, work) : doorWrites.run(work);
  }

  /**
   * Runs a short write that does not depend on running alone in a transaction shared with the
   * others arriving at the same time, in the workers' turn (not first in line like {@link
   * #atTheDoor}): one commit for many workers' bookkeeping instead of one each. On PostgreSQL,
   * which has no write turn to share, each runs in a transaction of its own: a batch of row updates
   * in the order the workers happened to arrive, beside the door's batch updating rows in another
   * order, deadlocked, and the victim's marks failed with it.
   */
  public <T> T shared(SqlWork<T> work) {
    return gate == null ? inTransaction(work) : sharedWrites.run(work);
  }

  private synchronized HikariDataSource door() {
    if (door == null) {
      door = openDoor.get();
    }
    return door;
  }

  /**
   * On SQLite the write turn first, then a connection from {@code source}: writers waiting for
   * their turn keep no connection from the reads. PostgreSQL has no turn to wait for.
   */
  private <T> T inTransaction(DataSource source, boolean door, SqlWork<T> work) {
    long asked = System.nanoTime();
    if (gate != null) {
      gate.enter(door);
    }
    long entered = System.nanoTime();
    try (Connection connection = source.getConnection()) {
      return inTransaction(connection, work);
    } catch (SQLException e) {
      throw new StoreException("database operation failed on " + description, e);
    } finally {
      if (gate != null) {
        gate.leave();
        CoachMetrics.writeTurn(door, entered - asked, System.nanoTime() - entered);
      }
    }
  }

  private static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run(connection);
      // Committed by leaving manual-commit mode, not with commit(): SQLite's driver begins the
      // next transaction right after a commit(), which takes the write lock a second time (and
      // may wait for it) only to hand back an empty transaction.
      connection.setAutoCommit(true);
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      connection.setAutoCommit(true);
      throw e;
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode. */
  public <T> T withConnection(SqlWork<T> work) {
    try (Connection connection = connection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("database operation failed on " + description, e);
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

  /** The SQLite log's checkpoints; null on PostgreSQL. */
  Checkpoints checkpoints() {
    return checkpoints;
  }

  /** Closes every pooled connection; the database cannot be used afterwards. */
  @Override
  public void close() {
    if (checkpoints != null) {
      checkpoints.close();
    }
    synchronized (this) {
      if (leases != null) {
        leases.close();
      }
      if (door != null) {
        door.close();
      }
    }
    if (writers != dataSource) {
      writers.close();
    }
    dataSource.close();
  }

  /** A unit of JDBC work. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
