package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.ManagerPolicy;

/**
 * The roles admins grant per workspace, in SQLite. Managers are the users granted the manager role
 * plus those listed in {@code COACH_MANAGERS}; admins those granted the admin role plus those
 * listed in {@code COACH_ADMINS}. Listed users count in every workspace; admins are managers too.
 */
public final class SqliteRoleStore implements ManagerPolicy {
  /** The roles there are. */
  public enum Role {
    MANAGER,
    ADMIN;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String text) {
      for (Role role : values()) {
        if (role.id().equalsIgnoreCase(text.strip())) {
          return role;
        }
      }
      throw new IllegalArgumentException("unknown role '" + text + "'; use manager or admin");
    }
  }

  /** One granted role. */
  public record Grant(
      String teamId, String userId, Role role, String grantedBy, Instant grantedAt) {}

  private final Database database;
  private final Set<String> configuredManagers;
  private final Set<String> configuredAdmins;

  public SqliteRoleStore(Database database, Set<String> configuredManagers) {
    this(database, configuredManagers, Set.of());
  }

  public SqliteRoleStore(
      Database database, Set<String> configuredManagers, Set<String> configuredAdmins) {
    this.database = database;
    this.configuredManagers = Set.copyOf(configuredManagers);
    this.configuredAdmins = Set.copyOf(configuredAdmins);
  }

  @Override
  public boolean isManager(Actor actor) {
    return configuredManagers.contains(actor.userId())
        || configuredAdmins.contains(actor.userId())
        || has(actor, Role.MANAGER)
        || has(actor, Role.ADMIN);
  }

  /** Whether {@code actor} may reload the knowledge base and see the workspace's insights. */
  public boolean isAdmin(Actor actor) {
    return configuredAdmins.contains(actor.userId()) || has(actor, Role.ADMIN);
  }

  /** The admins listed in {@code COACH_ADMINS}. */
  public Set<String> configuredAdmins() {
    return configuredAdmins;
  }

  public boolean has(Actor actor, Role role) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT 1 FROM coach_role WHERE team_id = ? AND user_id = ? AND role = ?")) {
            select.setString(1, actor.teamId());
            select.setString(2, actor.userId());
            select.setString(3, role.id());
            try (ResultSet rs = select.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /** Grants a role; true if it was new. */
  public boolean grant(Actor actor, Role role, String grantedBy, Instant at) {
    return database.inTransaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO coach_role (team_id, user_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)"
                      + " ON CONFLICT DO NOTHING")) {
            insert.setString(1, actor.teamId());
            insert.setString(2, actor.userId());
            insert.setString(3, role.id());
            insert.setString(4, grantedBy);
            insert.setLong(5, at.toEpochMilli());
            return insert.executeUpdate() > 0;
          }
        });
  }

  /** Revokes a role; true if it was granted. */
  public boolean revoke(Actor actor, Role role) {
    return database.inTransaction(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM coach_role WHERE team_id = ? AND user_id = ? AND role = ?")) {
            delete.setString(1, actor.teamId());
            delete.setString(2, actor.userId());
            delete.setString(3, role.id());
            return delete.executeUpdate() > 0;
          }
        });
  }

  /** Every grant, or those of one workspace when {@code teamId} is not null. */
  public List<Grant> list(String teamId) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT team_id, user_id, role, granted_by, granted_at FROM coach_role"
                      + (teamId == null ? "" : " WHERE team_id = ?")
                      + " ORDER BY team_id, user_id, role")) {
            if (teamId != null) {
              select.setString(1, teamId);
            }
            List<Grant> grants = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                grants.add(
                    new Grant(
                        rs.getString(1),
                        rs.getString(2),
                        Role.of(rs.getString(3)),
                        rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))));
              }
            }
            return grants;
          }
        });
  }
}
