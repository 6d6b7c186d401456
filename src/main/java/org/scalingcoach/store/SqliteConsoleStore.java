package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.console.ConsoleStore;

/** Console sign-in links and sessions in {@code console_link} and {@code console_session}. */
public final class SqliteConsoleStore implements ConsoleStore {
  private final Database database;

  public SqliteConsoleStore(Database database) {
    this.database = database;
  }

  @Override
  public void addLink(
      String tokenHash, Actor actor, String platform, Instant createdAt, Instant expiresAt) {
    database.inTransaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO console_link (token_hash, team_id, user_id, platform, created_at,"
                      + " expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, tokenHash);
            insert.setString(2, actor.teamId());
            insert.setString(3, actor.userId());
            insert.setString(4, platform);
            insert.setLong(5, createdAt.toEpochMilli());
            insert.setLong(6, expiresAt.toEpochMilli());
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public Optional<StoredLink> useLink(String tokenHash, Instant at) {
    return database.inTransaction(
        connection -> {
          List<StoredLink> found;
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT team_id, user_id, platform, expires_at, used_at FROM console_link"
                      + " WHERE token_hash = ?")) {
            select.setString(1, tokenHash);
            found =
                RowMapper.all(
                    select,
                    row -> {
                      long used = row.getLong(5);
                      boolean unused = row.wasNull();
                      return new StoredLink(
                          new Actor(row.getString(1), row.getString(2)),
                          row.getString(3),
                          Instant.ofEpochMilli(row.getLong(4)),
                          unused ? null : Instant.ofEpochMilli(used));
                    });
          }
          if (found.isEmpty()) {
            return Optional.empty();
          }
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE console_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")) {
            update.setLong(1, at.toEpochMilli());
            update.setString(2, tokenHash);
            update.executeUpdate();
          }
          return Optional.of(found.get(0));
        });
  }

  @Override
  public void addSession(String tokenHash, StoredSession session, Instant createdAt) {
    database.inTransaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO console_session (token_hash, team_id, user_id, platform,"
                      + " csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, tokenHash);
            insert.setString(2, session.actor().teamId());
            insert.setString(3, session.actor().userId());
            insert.setString(4, session.platform());
            insert.setString(5, session.csrfToken());
            insert.setLong(6, createdAt.toEpochMilli());
            insert.setLong(7, session.expiresAt().toEpochMilli());
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public Optional<StoredSession> session(String tokenHash) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT team_id, user_id, platform, csrf_token, expires_at FROM console_session"
                      + " WHERE token_hash = ?")) {
            select.setString(1, tokenHash);
            return RowMapper.all(
                    select,
                    row ->
                        new StoredSession(
                            new Actor(row.getString(1), row.getString(2)),
                            row.getString(3),
                            row.getString(4),
                            Instant.ofEpochMilli(row.getLong(5))))
                .stream()
                .findFirst();
          }
        });
  }

  @Override
  public void removeSession(String tokenHash) {
    database.inTransaction(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM console_session WHERE token_hash = ?")) {
            delete.setString(1, tokenHash);
            return delete.executeUpdate();
          }
        });
  }

  @Override
  public void removeExpired(Instant now) {
    database.inTransaction(
        connection -> {
          for (String table : List.of("console_link", "console_session")) {
            try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM " + table + " WHERE expires_at < ?")) {
              // Used and expired links stay a day longer, so reopening one says "used", not
              // "unknown".
              delete.setLong(1, now.minusSeconds(86_400).toEpochMilli());
              delete.executeUpdate();
            }
          }
          return null;
        });
  }
}
