package org.scalingcoach.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.llm.TokenUsageLog;
import org.scalingcoach.store.SqliteRoleStore;
import org.scalingcoach.store.SqliteRoleStore.Role;

/**
 * Who is a manager or admin in the admin's workspace, changes to that (each in the audit log), and
 * the language model's tokens per day.
 */
public final class RolesAndUsage {
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");

  private final SqliteRoleStore roles;
  private final TokenUsageLog usage;
  private final AdminAuditLog log;
  private final Clock clock;

  public RolesAndUsage(SqliteRoleStore roles, TokenUsageLog usage, AdminAuditLog log, Clock clock) {
    this.roles = roles;
    this.usage = usage;
    this.log = log;
    this.clock = clock;
  }

  public List<SqliteRoleStore.Grant> grants(Actor admin) {
    return roles.list(admin.teamId());
  }

  /** Admins listed in {@code COACH_ADMINS}: admins everywhere, not changed here. */
  public Set<String> configuredAdmins() {
    return roles.configuredAdmins();
  }

  /**
   * Gives {@code userId} the role in the admin's workspace.
   *
   * @throws EditRefused when the user id is not one
   */
  public boolean grant(Actor admin, String userId, Role role) {
    Actor user = user(admin, userId);
    boolean added = roles.grant(user, role, admin.userId(), clock.instant());
    if (added) {
      log.record(
          new AdminChange(clock.instant(), admin, "role.grant", user.userId(), null, role.id()));
    }
    return added;
  }

  public boolean revoke(Actor admin, String userId, Role role) {
    Actor user = user(admin, userId);
    boolean removed = roles.revoke(user, role);
    if (removed) {
      log.record(
          new AdminChange(clock.instant(), admin, "role.revoke", user.userId(), role.id(), null));
    }
    return removed;
  }

  /** Token totals of the admin's workspace for the last {@code days} days, newest first. */
  public List<TokenUsageLog.DailyUsage> tokens(Actor admin, int days) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return usage.daily(today.minusDays(days - 1L), today).stream()
        .filter(day -> day.workspace().equals(admin.teamId()))
        .toList();
  }

  private static Actor user(Actor admin, String userId) {
    String id = userId == null ? "" : userId.strip();
    if (!USER_ID.matcher(id).matches()) {
      throw new EditRefused("A user id looks like U012AB3CD (Slack) or an Azure AD object id.");
    }
    return new Actor(admin.teamId(), id);
  }
}
