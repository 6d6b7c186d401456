package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.console.KnowledgeRevisions;

/** Saved versions of knowledge documents in {@code knowledge_revision}. */
public final class SqliteKnowledgeRevisions implements KnowledgeRevisions {
  private static final String COLUMNS = "id, document, content, team_id, user_id, saved_at, note";

  private final Database database;

  public SqliteKnowledgeRevisions(Database database) {
    this.database = database;
  }

  @Override
  public long add(String document, String content, Actor savedBy, Instant savedAt, String note) {
    return database.inTransaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO knowledge_revision (document, content, team_id, user_id, saved_at,"
                      + " note) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, document);
            insert.setString(2, content);
            insert.setString(3, savedBy.teamId());
            insert.setString(4, savedBy.userId());
            insert.setLong(5, savedAt.toEpochMilli());
            insert.setString(6, note);
            try (ResultSet rs = insert.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  @Override
  public List<Revision> list(String document) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM knowledge_revision WHERE document = ? ORDER BY id DESC")) {
            select.setString(1, document);
            return RowMapper.all(select, SqliteKnowledgeRevisions::revision);
          }
        });
  }

  @Override
  public Optional<Revision> get(long id) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT " + COLUMNS + " FROM knowledge_revision WHERE id = ?")) {
            select.setLong(1, id);
            return RowMapper.all(select, SqliteKnowledgeRevisions::revision).stream().findFirst();
          }
        });
  }

  private static Revision revision(ResultSet row) throws SQLException {
    return new Revision(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        new Actor(row.getString(4), row.getString(5)),
        Instant.ofEpochMilli(row.getLong(6)),
        row.getString(7));
  }
}
