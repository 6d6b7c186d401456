package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
            return schedules(select).get(0);
          }
        });
  }

  @Override
  public List<ReminderSchedule> list(String teamId) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM audit_reminder WHERE team_id = ? ORDER BY next_due_at, id")) {
            select.setString(1, teamId);
            return schedules(select);
          }
        });
  }

  @Override
  public Optional<ReminderSchedule> find(long id) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT " + COLUMNS + " FROM audit_reminder WHERE id = ?")) {
            select.setLong(1, id);
            return schedules(select).stream().findFirst();
          }
        });
  }

  @Override
  public boolean delete(String teamId, long id) {
    return database.inTransaction(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM audit_reminder WHERE team_id = ? AND id = ?")) {
            delete.setString(1, teamId);
            delete.setLong(2, id);
            return delete.executeUpdate() > 0;
          }
        });
  }

  @Override
  public List<ReminderSchedule> due(Instant now) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM audit_reminder WHERE next_due_at <= ? ORDER BY next_due_at, id")) {
            select.setLong(1, now.toEpochMilli());
            return schedules(select);
          }
        });
  }

  @Override
  public boolean moveDue(long id, Instant expected, Instant next) {
    return database.inTransaction(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE audit_reminder SET next_due_at = ? WHERE id = ? AND next_due_at = ?")) {
            update.setLong(1, next.toEpochMilli());
            update.setLong(2, id);
            update.setLong(3, expected.toEpochMilli());
            return update.executeUpdate() > 0;
          }
        });
  }

  @Override
  public List<AuditRecord> idleAudits(Instant before) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT "
                      + SqliteAuditStore.COLUMNS
                      + " FROM audit WHERE status IN ('OPEN', 'PAUSED') AND nudged_at IS NULL AND updated_at < ? ORDER BY id")) {
            select.setLong(1, before.toEpochMilli());
            return SqliteAuditStore.records(select);
          }
        });
  }

  @Override
  public boolean markNudged(long auditId, Instant at) {
    return database.inTransaction(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE audit SET nudged_at = ? WHERE id = ? AND nudged_at IS NULL")) {
            update.setLong(1, at.toEpochMilli());
            update.setLong(2, auditId);
            return update.executeUpdate() > 0;
          }
        });
  }

  private static List<ReminderSchedule> schedules(PreparedStatement select) throws SQLException {
    List<ReminderSchedule> schedules = new ArrayList<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        schedules.add(
            new ReminderSchedule(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getString(7),
                Instant.ofEpochMilli(rs.getLong(8))));
      }
    }
    return schedules;
  }
}
