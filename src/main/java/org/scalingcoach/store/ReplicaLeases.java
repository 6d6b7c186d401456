package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named leases on background work that one replica at a time should do (re-audit reminders and
 * nudges, expert reminders), in the {@code replica_lease} table. A replica renews what it holds and
 * tries to take the others every third of the lease; a lease its holder stopped renewing (it died
 * or lost the database) passes to the next replica that tries once it has run out.
 */
public final class ReplicaLeases implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplicaLeases.class);

  private final Database database;
  private final Clock clock;

  /** Until when each lease this replica asked for is known to be its own. */
  private final Map<String, Instant> heldUntil = new ConcurrentHashMap<>();

  private ScheduledExecutorService renewals;

  ReplicaLeases(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /**
   * Takes part in the lease {@code name}: the answer says, at the time it is asked, whether this
   * replica holds it and so should do the work.
   */
  public synchronized BooleanSupplier lease(String name) {
    heldUntil.putIfAbsent(name, Instant.EPOCH);
    renew(name);
    if (renewals == null) {
      renewals =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "replica-leases");
                thread.setDaemon(true);
                return thread;
              });
      long every = Math.max(200, database.replica().lease().toMillis() / 3);
      renewals.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }
    return () -> holds(name);
  }

  /** Whether this replica holds {@code name} now. */
  public boolean holds(String name) {
    return heldUntil.getOrDefault(name, Instant.EPOCH).isAfter(clock.instant());
  }

  private void renewAll() {
    heldUntil.keySet().forEach(this::renew);
  }

  private void renew(String name) {
    Instant now = clock.instant();
    Instant until = now.plus(database.replica().lease());
    try {
      boolean held = take(name, now, until);
      Instant before = heldUntil.put(name, held ? until : Instant.EPOCH);
      boolean had = before != null && before.isAfter(now);
      if (held && !had) {
        log.info("this replica ({}) now does the {}", database.replica().id(), name);
      }
    } catch (RuntimeException e) {
      // Without the database this replica cannot know it still holds the lease: stop the work.
      heldUntil.put(name, Instant.EPOCH);
      log.warn("could not renew the lease on {}: {}", name, e.toString());
    }
  }

  private boolean take(String name, Instant now, Instant until) {
    return database.inTransaction(
        connection -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO replica_lease (name, holder, expires_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,"
                      + " expires_at = excluded.expires_at WHERE replica_lease.holder ="
                      + " excluded.holder OR replica_lease.expires_at < ?")) {
            upsert.setString(1, name);
            upsert.setString(2, database.replica().id());
            upsert.setLong(3, until.toEpochMilli());
            upsert.setLong(4, now.toEpochMilli());
            return upsert.executeUpdate() == 1;
          }
        });
  }

  /** Stops renewing; the leases held pass to another replica once they run out. */
  @Override
  public synchronized void close() {
    if (renewals != null) {
      renewals.shutdownNow();
      renewals = null;
    }
    heldUntil.replaceAll((name, until) -> Instant.EPOCH);
  }
}
