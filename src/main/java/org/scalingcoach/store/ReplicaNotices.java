package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices between the replicas sharing a database, such as "the knowledge was reloaded", in the
 * {@code replica_notice} table: one row per kind whose version goes up with each notice. A replica
 * polls the row and acts on a version above the last one it saw when another replica sent it.
 */
public final class ReplicaNotices implements AutoCloseable {
  /** An admin reloaded the knowledge base, audits or prompts. */
  public static final String KNOWLEDGE_RELOAD = "knowledge-reload";

  private static final Logger log = LoggerFactory.getLogger(ReplicaNotices.class);

  private final Database database;
  private ScheduledExecutorService polling;

  public ReplicaNotices(Database database) {
    this.database = database;
  }

  /** Tells the other replicas about {@code kind}. */
  public void send(String kind, Instant now) {
    database.inTransaction(
        connection -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO replica_notice (kind, version, sender, sent_at) VALUES (?, 1, ?, ?)"
                      + " ON CONFLICT (kind) DO UPDATE SET version = replica_notice.version + 1,"
                      + " sender = excluded.sender, sent_at = excluded.sent_at")) {
            upsert.setString(1, kind);
            upsert.setString(2, database.replica().id());
            upsert.setLong(3, now.toEpochMilli());
            return upsert.executeUpdate();
          }
        });
  }

  /**
   * Runs {@code action} whenever another replica sends {@code kind}, checking every {@code every};
   * notices sent before this call are not acted on.
   */
  public synchronized void onNotice(String kind, Duration every, Runnable action) {
    if (polling != null) {
      throw new IllegalStateException("already polling");
    }
    AtomicLong seen = new AtomicLong(latest(kind).version());
    polling =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "replica-notices");
              thread.setDaemon(true);
              return thread;
            });
    polling.scheduleWithFixedDelay(
        () -> {
          try {
            Notice latest = latest(kind);
            if (latest.version() > seen.get()) {
              seen.set(latest.version());
              if (!latest.mine()) {
                log.info("another replica sent {}; acting on it here too", kind);
                action.run();
              }
            }
          } catch (RuntimeException e) {
            log.warn("checking for {} notices failed; will try again: {}", kind, e.toString());
          }
        },
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** The last notice of a kind: its version, and whether this replica sent it. */
  private record Notice(long version, boolean mine) {}

  private Notice latest(String kind) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT version, sender FROM replica_notice WHERE kind = ?")) {
            select.setString(1, kind);
            try (ResultSet rs = select.executeQuery()) {
              if (!rs.next()) {
                return new Notice(0, false);
              }
              return new Notice(rs.getLong(1), database.replica().id().equals(rs.getString(2)));
            }
          }
        });
  }

  @Override
  public synchronized void close() {
    if (polling != null) {
      polling.shutdownNow();
      polling = null;
    }
  }
}
