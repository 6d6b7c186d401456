package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.scalingcoach.conversation.Delivery;
import org.scalingcoach.conversation.Inbox;
import org.scalingcoach.conversation.NewDelivery;

/** The inbox in the {@code delivery} table; each method is one short transaction. */
public final class SqliteInbox implements Inbox {
  private static final String COLUMNS =
      "id, platform, workspace, delivery_key, payload, state, attempts, reply_ref";

  private final Database database;

  public SqliteInbox(Database database) {
    this.database = database;
  }

  @Override
  public Optional<Long> add(NewDelivery delivery, Instant now) {
    return database.inTransaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT OR IGNORE INTO delivery (platform, workspace, delivery_key, payload,"
                      + " state, received_at, updated_at) VALUES (?, ?, ?, ?, 'PENDING', ?, ?)"
                      + " RETURNING id")) {
            insert.setString(1, delivery.platform());
            insert.setString(2, delivery.workspace());
            insert.setString(3, delivery.key());
            insert.setString(4, delivery.payload());
            insert.setLong(5, now.toEpochMilli());
            insert.setLong(6, now.toEpochMilli());
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
                      + " FROM delivery WHERE id = ? AND state IN"
                      + " ('PENDING', 'WORKING', 'SENDING')")) {
            select.setLong(1, id);
            before = RowMapper.all(select, SqliteInbox::delivery).stream().findFirst();
          }
          if (before.isPresent()) {
            try (PreparedStatement update =
                connection.prepareStatement(
                    "UPDATE delivery SET state = 'WORKING', attempts = attempts + 1,"
                        + " updated_at = ? WHERE id = ?")) {
              update.setLong(1, now.toEpochMilli());
              update.setLong(2, id);
              update.executeUpdate();
            }
          }
          return before;
        });
  }

  @Override
  public void sending(long id, Instant now) {
    update("UPDATE delivery SET state = 'SENDING', updated_at = ? WHERE id = ?", now, id, null);
  }

  @Override
  public void replied(long id, String replyRef, Instant now) {
    update(
        "UPDATE delivery SET reply_ref = COALESCE(reply_ref, ?), updated_at = ? WHERE id = ?",
        now,
        id,
        replyRef);
  }

  @Override
  public void finish(long id, Delivery.State state, Instant now) {
    if (!state.finished()) {
      throw new IllegalArgumentException(state + " is not a finished state");
    }
    update("UPDATE delivery SET state = ?, updated_at = ? WHERE id = ?", now, id, state.name());
  }

  private void update(String sql, Instant now, long id, String first) {
    database.inTransaction(
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(sql)) {
            int i = 1;
            if (first != null) {
              update.setString(i++, first);
            }
            update.setLong(i++, now.toEpochMilli());
            update.setLong(i, id);
            return update.executeUpdate();
          }
        });
  }

  @Override
  public List<Delivery> unfinished() {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM delivery WHERE state IN"
                      + " ('PENDING', 'WORKING', 'SENDING') ORDER BY id")) {
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
        row.getString("reply_ref"));
  }
}
