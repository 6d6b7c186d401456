package org.scalingcoach.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.SqliteRoleStore;
import org.scalingcoach.store.SqliteRoleStore.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code roles}: lets admins grant, revoke and list manager and admin roles per workspace. */
@Command(
    name = "roles",
    mixinStandardHelpOptions = true,
    description = "Grant, revoke and list roles. Managers see every audit of their workspace.",
    subcommands = {
      RolesCommand.GrantRole.class,
      RolesCommand.Revoke.class,
      RolesCommand.ListRoles.class
    })
public final class RolesCommand {

  static SqliteRoleStore store(Database database) {
    CoachConfig config = CoachConfig.fromEnvironment(System.getenv());
    return new SqliteRoleStore(database, config.audits().managers(), config.admin().admins());
  }

  static Role role(String text, PrintWriter err) {
    try {
      return Role.of(text);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return null;
    }
  }

  /** Grants a role. */
  @Command(
      name = "grant",
      mixinStandardHelpOptions = true,
      description = "Grant USER the ROLE (manager or admin) in a workspace.")
  static final class GrantRole implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataDirOption data;

    @Parameters(index = "0", paramLabel = "USER", description = "The user id, such as U012AB3CD.")
    String user;

    @Parameters(index = "1", paramLabel = "ROLE", description = "manager or admin.")
    String role;

    @Option(
        names = "--team",
        required = true,
        description = "The workspace (Slack team id or Teams tenant id).")
    String team;

    @Option(
        names = "--by",
        defaultValue = "cli",
        description = "Who granted it, for the record (default: cli).")
    String by;

    @Override
    public Integer call() {
      Role parsed = role(role, spec.commandLine().getErr());
      if (parsed == null) {
        return 2;
      }
      boolean added =
          store(data.openForWriting()).grant(new Actor(team, user), parsed, by, Instant.now());
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          added ? "%s is now %s in %s%n" : "%s already was %s in %s%n", user, parsed.id(), team);
      out.flush();
      return 0;
    }
  }

  /** Revokes a role. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Take the ROLE away from USER in a workspace.")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataDirOption data;

    @Parameters(index = "0", paramLabel = "USER")
    String user;

    @Parameters(index = "1", paramLabel = "ROLE")
    String role;

    @Option(names = "--team", required = true, description = "The workspace.")
    String team;

    @Override
    public Integer call() {
      Role parsed = role(role, spec.commandLine().getErr());
      if (parsed == null) {
        return 2;
      }
      boolean removed = store(data.openForWriting()).revoke(new Actor(team, user), parsed);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          removed ? "%s is no longer %s in %s%n" : "%s was not %s in %s%n",
          user,
          parsed.id(),
          team);
      out.flush();
      return 0;
    }
  }

  /** Lists roles. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List granted roles, and the users from COACH_MANAGERS and COACH_ADMINS.")
  static final class ListRoles implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataDirOption data;

    @Option(names = "--team", description = "Only this workspace.")
    String team;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<SqliteRoleStore.Grant> grants = store(data.openExisting()).list(team);
      for (SqliteRoleStore.Grant grant : grants) {
        out.printf(
            "%s\t%s\t%s\tgranted by %s on %s%n",
            grant.teamId(),
            grant.userId(),
            grant.role().id(),
            grant.grantedBy(),
            grant.grantedAt());
      }
      CoachConfig config = CoachConfig.fromEnvironment(System.getenv());
      config.audits().managers().stream()
          .sorted()
          .forEach(id -> out.printf("*\t%s\tmanager\tfrom COACH_MANAGERS%n", id));
      config.admin().admins().stream()
          .sorted()
          .forEach(id -> out.printf("*\t%s\tadmin\tfrom COACH_ADMINS%n", id));
      if (grants.isEmpty()
          && config.audits().managers().isEmpty()
          && config.admin().admins().isEmpty()) {
        out.println(
            "No roles granted"
                + (team == null ? "" : " in " + team)
                + ", and COACH_MANAGERS and COACH_ADMINS are empty. Grant one with: roles grant"
                + " USER manager --team TEAM");
      }
      out.flush();
      return 0;
    }
  }
}
