package org.scalingcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scalingcoach.delivery.Delivery;
import org.scalingcoach.delivery.Inbox;
import org.scalingcoach.delivery.LeaseLostException;
import org.scalingcoach.delivery.NewDelivery;

/**
 * The inbox in the {@code delivery} table (on SQLite or PostgreSQL); each method is one short
 * transaction. Every unfinished delivery is held by one replica under a lease that replica renews;
 * a delivery whose lease ran out (its holder died or lost the database) is taken over by another.
 */
public final class SqliteInbox implements Inbox {
  private static final String COLUMNS =
      "id, platform, workspace, delivery_key, payload, state, attempts, sent_refs";
  private static final String UNFINISHED = "state IN ('PENDING', 'WORKING', 'SENDING')";

  /** Rows this replica may work on: its own, never held, or held under a lease that ran out. */
  private static final String MINE_OR_FREE =
      "(claimed_by = ? OR claimed_by IS NULL OR lease_until IS NULL OR lease_until < ?)";

  private final Database database;
  private final String replica;
  private final Duration lease;

  /** The inbox of the replica {@code database} was opened as. */
  public SqliteInbox(Database database) {
    this.database = database;
    this.replica = database.replica().id();
    this.lease = database.replica().lease();
  }

  @Override
  public Duration lease() {
    return lease;
  }

  @Override
  public Optional<Long> add(NewDelivery delivery, Instant now) {
    return insert(delivery, now, "PENDING", 0);
  }

  @Override
  public Optional<Delivery> addClaimed(NewDelivery delivery, Instant now) {
    return insert(delivery, now, "WORKING", 1)
        .map(
            id ->
                new Delivery(
                    id,
                    delivery.platform(),
                    delivery.workspace(),
                    delivery.key(),
                    delivery.payload(),
                    Delivery.State.PENDING,
                    0,
                    List.of()));
  }

  /** Inserts {@code delivery} held by this replica; its id, or empty when its key is known. */
  private Optional<Long> insert(NewDelivery delivery, Instant now, String state, int attempts) {
    return database.atTheDoor(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO delivery (platform, workspace, delivery_key, payload, state,"
                      + " attempts, received_at, updated_at, claimed_by, lease_until) VALUES (?,"
                      + " ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id")) {
            insert.setString(1, delivery.platform());
            insert.setString(2, delivery.workspace());
            insert.setString(3, delivery.key());
            insert.setString(4, delivery.payload());
            insert.setString(5, state);
            insert.setInt(6, attempts);
            insert.setLong(7, now.toEpochMilli());
            insert.setLong(8, now.toEpochMilli());
            insert.setString(9, replica);
            insert.setLong(10, now.plus(lease).toEpochMilli());
            try (ResultSet rs = insert.executeQuery()) {
              return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
          }
        });
  }

  @Override
  public Optional<Delivery> claim(long id, Instant now) {
    return database.inTransaction(
        connection -> {
          Optional<Delivery> before;
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM delivery WHERE id = ? AND "
                      + UNFINISHED
                      + " AND "
                      + MINE_OR_FREE
                      + database.kind().forUpdate())) {
            select.setLong(1, id);
            select.setString(2, replica);
            select.setLong(3, now.toEpochMilli());
            before = RowMapper.all(select, SqliteInbox::delivery).stream().findFirst();
          }
          if (before.isPresent()) {
            try (PreparedStatement update =
                connection.prepareStatement(
                    "UPDATE delivery SET state = 'WORKING', attempts = attempts + 1,"
                        + " updated_at = ?, claimed_by = ?, lease_until = ? WHERE id = ?")) {
              update.setLong(1, now.toEpochMilli());
              update.setString(2, replica);
              update.setLong(3, now.plus(lease).toEpochMilli());
              update.setLong(4, id);
              update.executeUpdate();
            }
          }
          return before;
        });
  }

  @Override
  public void sending(long id, Instant now) {
    if (update("UPDATE delivery SET state = 'SENDING', updated_at = ?", now, id, null) == 0) {
      throw new LeaseLostException(id);
    }
  }

  /**
   * Written at the door, first in line for the write lock beside the inserts there: until this
   * commits, a crash makes a message that went out look unsent, and the Bot Connector cannot be
   * asked what a bot posted, so the message would be sent twice. Queued behind the workers' own
   * writes, that wait was up to a quarter of a second under load.
   */
  @Override
  public void replied(long id, List<String> sent, Instant now) {
    int kept =
        database.atTheDoor(
            connection -> {
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE delivery SET reply_ref = COALESCE(reply_ref, ?), sent_refs = ?,"
                          + " updated_at = ? WHERE id = ? AND (claimed_by = ? OR claimed_by IS NULL)")) {
                update.setString(1, sent.get(0));
                update.setString(2, String.join("\n", sent));
                update.setLong(3, now.toEpochMilli());
                update.setLong(4, id);
                update.setString(5, replica);
                return update.executeUpdate();
              }
            });
    if (kept == 0) {
      // Another replica took the delivery over while this message went out: it looks for the
      // message in the chat by its mark; sending the rest from here too would send them twice.
      throw new LeaseLostException(id);
    }
  }

  @Override
  public void finish(long id, Delivery.State state, Instant now) {
    if (!state.finished()) {
      throw new IllegalArgumentException(state + " is not a finished state");
    }
    update("UPDATE delivery SET state = ?, updated_at = ?", now, id, state.name());
  }

  /** Runs {@code set} on {@code id} if this replica still holds it; returns the rows changed. */
  private int update(String set, Instant now, long id, String first) {
    Database.SqlWork<Integer> work =
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  set + " WHERE id = ? AND (claimed_by = ? OR claimed_by IS NULL)")) {
            int i = 1;
            if (first != null) {
              update.setString(i++, first);
            }
            update.setLong(i++, now.toEpochMilli());
            update.setLong(i++, id);
            update.setString(i, replica);
            return update.executeUpdate();
          }
        };
    // One short row update: it shares a transaction with the other workers' marks arriving at the
    // same time rather than taking the write turn for itself.
    return database.shared(work);
  }

  @Override
  public int renew(Instant now) {
    // At the door, not in line with the workers: with every worker connection busy under load, a
    // renewal queued behind them could let the lease run out while this replica is still sending,
    // and another would take over and send the same reply again.
    return database.atTheDoor(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE delivery SET lease_until = ? WHERE claimed_by = ? AND " + UNFINISHED)) {
            update.setLong(1, now.plus(lease).toEpochMilli());
            update.setString(2, replica);
            return update.executeUpdate();
          }
        });
  }

  @Override
  public List<Long> takeOver(Instant now, int max) {
    return take(
        " AND (claimed_by IS NULL OR claimed_by <> ?) AND (lease_until IS NULL OR lease_until < ?)",
        now,
        max);
  }

  @Override
  public List<Long> resumeAtStart(Instant now) {
    // A SQLite file has no other user: whatever is unfinished in it is this process's to resume.
    return database.kind().shared()
        ? take(" AND " + MINE_OR_FREE, now, Integer.MAX_VALUE)
        : take("", now, Integer.MAX_VALUE);
  }

  private List<Long> take(String condition, Instant now, int max) {
    return database.inTransaction(
        connection -> {
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id FROM delivery WHERE "
                      + UNFINISHED
                      + condition
                      + " ORDER BY id LIMIT ?"
                      + database.kind().skipLocked())) {
            int i = 1;
            if (!condition.isEmpty()) {
              select.setString(i++, replica);
              select.setLong(i++, now.toEpochMilli());
            }
            select.setInt(i, max);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
          }
          hold(connection, ids, now);
          return ids;
        });
  }

  private void hold(Connection connection, List<Long> ids, Instant now) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE delivery SET claimed_by = ?, lease_until = ? WHERE id = ?")) {
      for (long id : ids) {
        update.setString(1, replica);
        update.setLong(2, now.plus(lease).toEpochMilli());
        update.setLong(3, id);
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  @Override
  public List<Delivery> unfinished() {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT " + COLUMNS + " FROM delivery WHERE " + UNFINISHED + " ORDER BY id")) {
            return RowMapper.all(select, SqliteInbox::delivery);
          }
        });
  }

  @Override
  public int prune(Instant before) {
    return database.inTransaction(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM delivery WHERE state IN ('DONE', 'FAILED') AND updated_at < ?")) {
            delete.setLong(1, before.toEpochMilli());
            return delete.executeUpdate();
          }
        });
  }

  private static Delivery delivery(ResultSet row) throws SQLException {
    return new Delivery(
        row.getLong("id"),
        row.getString("platform"),
        row.getString("workspace"),
        row.getString("delivery_key"),
        row.getString("payload"),
        Delivery.State.valueOf(row.getString("state")),
        row.getInt("attempts"),
        sent(row.getString("sent_refs")));
  }

  private static List<String> sent(String refs) {
    return refs == null || refs.isEmpty() ? List.of() : List.of(refs.split("\n"));
  }
}
