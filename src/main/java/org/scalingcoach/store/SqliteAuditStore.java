package org.scalingcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditDefinition;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.AuditStatus;
import org.scalingcoach.audit.AuditStore;
import org.scalingcoach.audit.RecordedAnswer;

/** Audits, answers and definition snapshots in SQLite; each method is one transaction. */
public final class SqliteAuditStore implements AuditStore {
  static final String COLUMNS =
      "id, team_id, user_id, audit_type, subject, definition_hash, definition_version, status,"
          + " position, revision, started_at, updated_at, finished_at, score, level_name";
  private final Database database;

  public SqliteAuditStore(Database database) {
    this.database = database;
  }

  private <T> T write(Database.SqlWork<T> work) {
    return database.inTransaction(work);
  }

  @Override
  public void saveDefinition(AuditDefinition definition) {
    write(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO audit_definition (content_hash, audit_type, version, source, stored_at)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, definition.contentHash());
            insert.setString(2, definition.id());
            insert.setInt(3, definition.version());
            insert.setString(4, definition.source());
            insert.setLong(5, System.currentTimeMillis());
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public Optional<String> definitionSource(String contentHash) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT source FROM audit_definition WHERE content_hash = ?")) {
            select.setString(1, contentHash);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public Optional<AuditRecord> create(
      Actor actor, AuditDefinition definition, String subject, Instant now) {
    return write(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO audit (team_id, user_id, audit_type, subject, subject_key, definition_hash,"
                      + " definition_version, status, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)"
                      + " ON CONFLICT DO NOTHING RETURNING id")) {
            insert.setString(1, actor.teamId());
            insert.setString(2, actor.userId());
            insert.setString(3, definition.id());
            insert.setString(4, subject);
            insert.setString(5, AuditRecord.subjectKey(subject));
            insert.setString(6, definition.contentHash());
            insert.setInt(7, definition.version());
            insert.setLong(8, now.toEpochMilli());
            insert.setLong(9, now.toEpochMilli());
            try (ResultSet rs = insert.executeQuery()) {
              if (!rs.next()) {
                return Optional.<AuditRecord>empty();
              }
              return find(connection, rs.getLong(1));
            }
          }
        });
  }

  @Override
  public Optional<AuditRecord> find(long auditId) {
    return database.withConnection(connection -> find(connection, auditId));
  }

  private static Optional<AuditRecord> find(Connection connection, long auditId)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM audit WHERE id = ?")) {
      select.setLong(1, auditId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(record(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public Optional<AuditRecord> findActive(Actor actor, String type, String subject) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM audit"
                      + " WHERE team_id = ? AND user_id = ? AND audit_type = ? AND subject_key = ? AND status IN ('OPEN', 'PAUSED')")) {
            select.setString(1, actor.teamId());
            select.setString(2, actor.userId());
            select.setString(3, type);
            select.setString(4, AuditRecord.subjectKey(subject));
            try (ResultSet rs = select.executeQuery()) {
              return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<RecordedAnswer> answers(long auditId) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT question_id, option_id, level, answered_at FROM audit_answer WHERE audit_id = ? ORDER BY answered_at")) {
            select.setLong(1, auditId);
            return RowMapper.all(
                select,
                rs -> {
                  int level = rs.getInt(3);
                  Integer boxed = rs.wasNull() ? null : level;
                  return new RecordedAnswer(
                      rs.getString(1), rs.getString(2), boxed, Instant.ofEpochMilli(rs.getLong(4)));
                });
          }
        });
  }

  @Override
  public Optional<AuditRecord> transition(
      long auditId, int expectedRevision, Transition transition) {
    return write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE audit SET position = ?, status = ?, revision = revision + 1, updated_at = ?,"
                      + " finished_at = CASE WHEN ? = 'FINISHED' THEN ? ELSE finished_at END,"
                      + " score = COALESCE(?, score), level_name = COALESCE(?, level_name)"
                      + " WHERE id = ? AND revision = ? AND status IN ('OPEN', 'PAUSED')")) {
            long at = transition.at().toEpochMilli();
            update.setInt(1, transition.position());
            update.setString(2, transition.status().name());
            update.setLong(3, at);
            update.setString(4, transition.status().name());
            update.setLong(5, at);
            if (transition.score() == null) {
              update.setNull(6, Types.REAL);
            } else {
              update.setDouble(6, transition.score());
            }
            update.setString(7, transition.levelName());
            update.setLong(8, auditId);
            update.setInt(9, expectedRevision);
            if (update.executeUpdate() == 0) {
              return Optional.<AuditRecord>empty();
            }
          }
          RecordedAnswer answer = transition.answer();
          if (answer != null) {
            try (PreparedStatement upsert =
                connection.prepareStatement(
                    "INSERT INTO audit_answer (audit_id, team_id, question_id, option_id, level, answered_at)"
                        + " SELECT id, team_id, ?, ?, ?, ? FROM audit WHERE id = ?"
                        + " ON CONFLICT (audit_id, question_id) DO UPDATE SET option_id = excluded.option_id,"
                        + " level = excluded.level, answered_at = excluded.answered_at")) {
              upsert.setString(1, answer.questionId());
              upsert.setString(2, answer.optionId());
              if (answer.level() == null) {
                upsert.setNull(3, Types.INTEGER);
              } else {
                upsert.setInt(3, answer.level());
              }
              upsert.setLong(4, answer.answeredAt().toEpochMilli());
              upsert.setLong(5, auditId);
              upsert.executeUpdate();
            }
          }
          return find(connection, auditId);
        });
  }

  @Override
  public List<AuditRecord> list(String teamId, String userId) {
    return database.withConnection(
        connection -> {
          String sql =
              "SELECT "
                  + COLUMNS
                  + " FROM audit WHERE team_id = ?"
                  + (userId == null ? "" : " AND user_id = ?")
                  + " ORDER BY updated_at DESC, id DESC";
          try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, teamId);
            if (userId != null) {
              select.setString(2, userId);
            }
            return RowMapper.all(select, SqliteAuditStore::record);
          }
        });
  }

  @Override
  public Optional<AuditRecord> previousFinished(AuditRecord audit) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM audit"
                      + " WHERE team_id = ? AND audit_type = ? AND subject_key = ? AND status = 'FINISHED'"
                      + " AND (finished_at < ? OR (finished_at = ? AND id < ?)) ORDER BY finished_at DESC, id DESC LIMIT 1")) {
            long finished =
                audit.finishedAt() == null ? Long.MAX_VALUE : audit.finishedAt().toEpochMilli();
            select.setString(1, audit.teamId());
            select.setString(2, audit.type());
            select.setString(3, AuditRecord.subjectKey(audit.subject()));
            select.setLong(4, finished);
            select.setLong(5, finished);
            select.setLong(6, audit.id());
            List<AuditRecord> found = RowMapper.all(select, SqliteAuditStore::record);
            return found.stream().findFirst();
          }
        });
  }

  static AuditRecord record(ResultSet rs) throws SQLException {
    long finished = rs.getLong("finished_at");
    Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
    double score = rs.getDouble("score");
    Double boxedScore = rs.wasNull() ? null : score;
    return new AuditRecord(
        rs.getLong("id"),
        rs.getString("team_id"),
        rs.getString("user_id"),
        rs.getString("audit_type"),
        rs.getString("subject"),
        rs.getString("definition_hash"),
        rs.getInt("definition_version"),
        AuditStatus.valueOf(rs.getString("status")),
        rs.getInt("position"),
        rs.getInt("revision"),
        Instant.ofEpochMilli(rs.getLong("started_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        finishedAt,
        boxedScore,
        rs.getString("level_name"));
  }
}
