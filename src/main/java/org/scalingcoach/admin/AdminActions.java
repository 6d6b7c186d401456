package org.scalingcoach.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.console.ConsoleSignIn;
import org.scalingcoach.console.SignInLink;
import org.scalingcoach.conversation.InsightFigures;
import org.scalingcoach.store.Insights;
import org.scalingcoach.store.SqliteRoleStore;

/**
 * What admins do from chat: reload the knowledge base, audits and prompts, and see what their own
 * workspace could not get answered. Every action checks the admin role first.
 */
public final class AdminActions {
  /** How far back {@code insights} looks. */
  public static final int INSIGHT_DAYS = 30;

  /** Rows per insights list: enough to act on, short enough for a chat message. */
  public static final int INSIGHT_ROWS = 10;

  private final Supplier<ReloadReport> reload;
  private final SqliteRoleStore roles;
  private final Insights insights;
  private final Clock clock;
  private final ConsoleSignIn console;

  public AdminActions(
      Supplier<ReloadReport> reload, SqliteRoleStore roles, Insights insights, Clock clock) {
    this(reload, roles, insights, clock, null);
  }

  /** With {@code console}, admins can ask chat for a sign-in link to the web console. */
  public AdminActions(
      Supplier<ReloadReport> reload,
      SqliteRoleStore roles,
      Insights insights,
      Clock clock,
      ConsoleSignIn console) {
    this.reload = reload;
    this.roles = roles;
    this.insights = insights;
    this.clock = clock;
    this.console = console;
  }

  /** The insights of one workspace over the last {@code days} days. */
  public record WorkspaceInsights(
      String teamId,
      int days,
      InsightFigures.Usage usage,
      List<InsightFigures.Unanswered> unanswered,
      List<InsightFigures.Rated> votedDown,
      InsightFigures.ExpertQuestions experts) {}

  /** What admins may do, as the refusal message names it. */
  public enum Action {
    RELOAD("reload the knowledge base"),
    INSIGHTS("see the insights"),
    CONSOLE("open the admin console");

    private final String description;

    Action(String description) {
      this.description = description;
    }
  }

  public boolean isAdmin(Actor actor) {
    return roles.isAdmin(actor);
  }

  /**
   * Checks that {@code actor} may do {@code action}, so a channel can refuse before any work.
   *
   * @throws AdminException saying who can and how to get the role, when {@code actor} may not
   */
  public void check(Actor actor, Action action) {
    if (!roles.isAdmin(actor)) {
      throw new AdminException(
          "Only admins can "
              + action.description
              + ". An admin can give you the role with `roles grant "
              + actor.userId()
              + " admin --team "
              + actor.teamId()
              + "`, or add you to COACH_ADMINS.");
    }
  }

  /**
   * Reloads what the coach knows.
   *
   * @throws AdminException when {@code actor} is not an admin
   */
  public ReloadReport reload(Actor actor) {
    check(actor, Action.RELOAD);
    return reload.get();
  }

  /**
   * A one-time link that signs {@code actor} in to the web console, asked for on {@code platform}.
   *
   * @throws AdminException when {@code actor} is not an admin or the console is not running
   */
  public SignInLink consoleLink(Actor actor, String platform) {
    check(actor, Action.CONSOLE);
    if (console == null) {
      throw new AdminException("The admin console is not running on this server.");
    }
    return console.link(actor, platform);
  }

  /**
   * Questions not answered and answers voted down, in {@code actor}'s workspace only.
   *
   * @throws AdminException when {@code actor} is not an admin
   */
  public WorkspaceInsights insights(Actor actor) {
    check(actor, Action.INSIGHTS);
    Instant since = clock.instant().minus(Duration.ofDays(INSIGHT_DAYS));
    String team = actor.teamId();
    return new WorkspaceInsights(
        team,
        INSIGHT_DAYS,
        insights.usage(team, since),
        insights.unanswered(team, since, INSIGHT_ROWS),
        insights.votedDown(team, since, INSIGHT_ROWS),
        insights.expertQuestions(team, since, INSIGHT_ROWS));
  }
}
