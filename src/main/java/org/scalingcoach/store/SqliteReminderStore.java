package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.ReminderSchedule;
import org.scalingcoach.audit.ReminderStore;

/** Re-audit schedules and nudge marks in SQLite. */
public final class SqliteReminderStore implements ReminderStore {
  private static final String COLUMNS =
      "id, team_id, audit_type, subject, owner_id, every_days, created_by, next_due_at";
  private final Database database;

  public SqliteReminderStore(Database database) {
    this.database = database;
  }

  @Override
  public ReminderSchedule save(ReminderSchedule schedule) {
    return database.inTransaction(
        connection -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO audit_reminder (team_id, audit_type, subject, subject_key, owner_id, every_days, created_by, next_due_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (team_id, audit_type, subject_key, owner_id)"
                      + " DO UPDATE SET subject = excluded.subject, every_days = excluded.every_days,"
                      + " created_by = excluded.created_by, next_due_at = excluded.next_due_at")) {
            upsert.setString(1, schedule.teamId());
            upsert.setString(2, schedule.type());
            upsert.setString(3, schedule.subject());
            upsert.setString(4, AuditRecord.subjectKey(schedule.subject()));
            upsert.setString(5, schedule.ownerUserId());
            upsert.setInt(6, schedule.everyDays());
            upsert.setString(7, schedule.createdBy());
            upsert.setLong(8, schedule.nextDueAt().toEpochMilli());
            upsert.executeUpdate();
          }
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM audit_reminder"
                      + " WHERE team_id = ? AND audit_type = ? AND subject_key = ? AND owner_id = ?")) {
            select.setString(1, schedule.teamId());
            select.setString(2, schedule.type());
            select.setString(3, AuditRecord.subjectKey(schedule.subject()));
            select.setString(4, schedule.ownerUserId());
            return RowMapper.all(select, SqliteReminderStore::schedule).get(0);
          }
        });
  }

  @Override
  public List<ReminderSchedule> list(String teamId) {
    return query(
        "SELECT " + COLUMNS + " FROM audit_reminder WHERE team_id = ? ORDER BY next_due_at, id",
        select -> select.setString(1, teamId),
        SqliteReminderStore::schedule);
  }

  @Override
  public Optional<ReminderSchedule> find(long id) {
    return query(
            "SELECT " + COLUMNS + " FROM audit_reminder WHERE id = ?",
            select -> select.setLong(1, id),
            SqliteReminderStore::schedule)
        .stream()
        .findFirst();
  }

  @Override
  public boolean delete(String teamId, long id) {
    return changesRows(
        "DELETE FROM audit_reminder WHERE team_id = ? AND id = ?",
        delete -> {
          delete.setString(1, teamId);
          delete.setLong(2, id);
        });
  }

  @Override
  public List<ReminderSchedule> due(Instant now) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM audit_reminder WHERE next_due_at <= ? ORDER BY next_due_at, id",
        select -> select.setLong(1, now.toEpochMilli()),
        SqliteReminderStore::schedule);
  }

  @Override
  public boolean moveDue(long id, Instant expected, Instant next) {
    return changesRows(
        "UPDATE audit_reminder SET next_due_at = ? WHERE id = ? AND next_due_at = ?",
        update -> {
          update.setLong(1, next.toEpochMilli());
          update.setLong(2, id);
          update.setLong(3, expected.toEpochMilli());
        });
  }

  @Override
  public List<AuditRecord> idleAudits(Instant before) {
    return query(
        "SELECT "
            + SqliteAuditStore.COLUMNS
            + " FROM audit WHERE status IN ('OPEN', 'PAUSED') AND nudged_at IS NULL AND updated_at < ? ORDER BY id",
        select -> select.setLong(1, before.toEpochMilli()),
        SqliteAuditStore::record);
  }

  @Override
  public boolean markNudged(long auditId, Instant at) {
    return changesRows(
        "UPDATE audit SET nudged_at = ? WHERE id = ? AND nudged_at IS NULL",
        update -> {
          update.setLong(1, at.toEpochMilli());
          update.setLong(2, auditId);
        });
  }

  /** Sets the {@code ?} parameters of a statement. */
  @FunctionalInterface
  private interface Parameters {
    void set(PreparedStatement statement) throws SQLException;
  }

  private <T> List<T> query(String sql, Parameters parameters, RowMapper<T> mapper) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(sql)) {
            parameters.set(select);
            return RowMapper.all(select, mapper);
          }
        });
  }

  /** Runs one update in its own transaction; true when it changed at least one row. */
  private boolean changesRows(String sql, Parameters parameters) {
    return database.inTransaction(
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(sql)) {
            parameters.set(update);
            return update.executeUpdate() > 0;
          }
        });
  }

  private static ReminderSchedule schedule(ResultSet rs) throws SQLException {
    return new ReminderSchedule(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getInt(6),
        rs.getString(7),
        Instant.ofEpochMilli(rs.getLong(8)));
  }
}
