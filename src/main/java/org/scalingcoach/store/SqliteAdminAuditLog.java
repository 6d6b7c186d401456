package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.console.AdminAuditLog;
import org.scalingcoach.console.AdminChange;

/** The admin console's changes in {@code admin_audit_log}. */
public final class SqliteAdminAuditLog implements AdminAuditLog {
  private final Database database;

  public SqliteAdminAuditLog(Database database) {
    this.database = database;
  }

  @Override
  public void record(AdminChange change) {
    database.inTransaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO admin_audit_log (team_id, user_id, at, action, target, before,"
                      + " after) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, change.actor().teamId());
            insert.setString(2, change.actor().userId());
            insert.setLong(3, change.at().toEpochMilli());
            insert.setString(4, change.action());
            insert.setString(5, change.target());
            insert.setString(6, change.before());
            insert.setString(7, change.after());
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public List<AdminChange> recent(String teamId, int limit) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT at, team_id, user_id, action, target, before, after FROM"
                      + " admin_audit_log WHERE team_id = ? ORDER BY at DESC, id DESC LIMIT ?")) {
            select.setString(1, teamId);
            select.setInt(2, limit);
            return RowMapper.all(
                select,
                row ->
                    new AdminChange(
                        Instant.ofEpochMilli(row.getLong(1)),
                        new Actor(row.getString(2), row.getString(3)),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7)));
          }
        });
  }
}
