package org.scalingcoach.conversation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditEngine;
import org.scalingcoach.audit.AuditException;
import org.scalingcoach.audit.AuditHistory;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.ReminderSchedule;
import org.scalingcoach.audit.Reminders;

/**
 * The typed {@code audit …} commands of {@link AuditTurns}: list, start, export, team, history and
 * remind.
 */
final class AuditCommands {
  /**
   * {@code <audit> <days> [@owner] <subject>}; the owner is a mention in the text ({@code <@U…>})
   * or among the turn's mentions.
   */
  private static final Pattern REMIND =
      Pattern.compile("(\\S+)\\s+(\\d+)\\s+(?:<@(\\w+)(?:\\|[^>]*)?>\\s+)?(.+)", Pattern.DOTALL);

  private final AuditEngine engine;
  private final AuditHistory history;
  private final Reminders reminders;
  private final AuditTurns.People people;
  private final String prefix;
  private final String platformName;

  AuditCommands(
      AuditEngine engine,
      AuditHistory history,
      Reminders reminders,
      AuditTurns.People people,
      String prefix,
      String platformName) {
    this.engine = engine;
    this.history = history;
    this.reminders = reminders;
    this.people = people;
    this.prefix = prefix;
    this.platformName = platformName;
  }

  /**
   * A typed {@code audit …} command; {@code mentioned} are the people the platform says were
   * mentioned in it, other than the coach.
   */
  AuditTurns.Outcome command(Turn turn, Command.Audit command, List<String> mentioned) {
    Actor actor = actor(turn);
    try {
      return switch (command.verb()) {
        case LIST -> AuditTurns.Outcome.now(menu(actor, List.of()));
        case START -> start(actor, command);
        case EXPORT -> {
          long id = history.exportTarget(actor, command.auditNumber(prefix));
          history.report(actor, id); // an unknown or foreign audit is refused at once
          yield new AuditTurns.Outcome(
              List.of(),
              "Preparing the Markdown and CSV: they will be in our direct messages.",
              () -> List.of(AuditReportReplies.exports(history.report(actor, id))));
        }
        case TEAM -> AuditTurns.Outcome.now(team(actor));
        case HISTORY ->
            AuditTurns.Outcome.now(
                command
                    .typeAndSubject()
                    .map(named -> history(actor, named.type(), named.subject()))
                    .orElseGet(
                        () ->
                            Reply.text(
                                "Say which audit and subject, e.g. **"
                                    + prefix
                                    + "audit history plan-for-mlops Churn model**.")));
        case REMIND -> AuditTurns.Outcome.now(remind(actor, command.arguments(), mentioned));
        case USAGE -> AuditTurns.Outcome.now(Reply.text(HelpText.auditUsage(prefix)));
      };
    } catch (AuditException e) {
      return AuditTurns.Outcome.now(Reply.text(e.getMessage()));
    }
  }

  /** The menu of audits, with the person's open ones to resume. */
  Reply menu(Actor actor, List<String> notices) {
    var definitions = engine.catalog().definitions();
    if (definitions.isEmpty()) {
      return Reply.text("No audits are set up yet. Ask an admin to add audit files.");
    }
    List<AuditRecord> mine =
        history.visible(actor).stream().filter(a -> a.userId().equals(actor.userId())).toList();
    return AuditReplies.menu(definitions, mine, notices);
  }

  /** {@code audit start <audit> <subject>} starts; without both, the menu says what is missing. */
  private AuditTurns.Outcome start(Actor actor, Command.Audit command) {
    var named = command.typeAndSubject();
    if (named.isEmpty()) {
      return AuditTurns.Outcome.now(
          menu(
              actor,
              List.of(
                  "Say which audit and what it is about, e.g. **"
                      + prefix
                      + "audit start plan-for-mlops Churn model — EMEA**.")));
    }
    String type = named.get().type();
    String subject = named.get().subject();
    engine.checkStart(type, subject);
    return new AuditTurns.Outcome(
        List.of(),
        "Starting: your first question is in our direct messages.",
        () -> List.of(AuditReplies.step(engine.start(actor, type, subject))));
  }

  Reply history(Actor actor, String type, String subject) {
    List<AuditRecord> finished = history.history(actor, type, subject);
    if (finished.isEmpty()) {
      return Reply.text("No finished audits of that subject that you can see.");
    }
    Map<String, Reply.Person> people = new HashMap<>();
    List<Reply.Person> by =
        finished.stream()
            .map(
                a -> people.computeIfAbsent(a.userId(), user -> person(actor, user, "a colleague")))
            .toList();
    AuditRecord latest = finished.get(finished.size() - 1);
    return AuditReportReplies.history(history.title(latest), latest.subject(), finished, by);
  }

  private Reply remind(Actor actor, String arguments, List<String> mentioned) {
    Matcher m = REMIND.matcher(arguments);
    if (!m.matches()) {
      return Reply.text(
          "Use `"
              + prefix
              + "audit remind <audit> <days> @owner <subject>`, e.g. `"
              + prefix
              + "audit remind plan-for-mlops 90 @Ada Churn model`. Without a mention, the"
              + " reminder is for you.");
    }
    String owner =
        m.group(3) != null
            ? m.group(3)
            : mentioned.isEmpty()
                ? actor.userId()
                : people.userId(actor.teamId(), mentioned.get(0));
    ReminderSchedule s =
        reminders.schedule(
            actor, m.group(1), m.group(4), owner, Reminders.parseEveryDays(m.group(2)));
    return AuditReportReplies.scheduled(
        s, person(actor, owner, "the person you mentioned"), platformName);
  }

  /** The team view {@code actor} may see: the workspace for managers, else their own. */
  Reply team(Actor actor) {
    return AuditReportReplies.team(
        history.latest(actor),
        history.isManager(actor),
        user -> person(actor, user, "a colleague"));
  }

  /** {@code user} as a reply speaks of them; {@code unknown} when the platform has no name. */
  private Reply.Person person(Actor actor, String user, String unknown) {
    boolean you = user.equals(actor.userId());
    String label =
        you ? "you" : people.name(actor.teamId(), user).filter(n -> !n.isBlank()).orElse(unknown);
    return new Reply.Person(user, label, you);
  }

  private static Actor actor(Turn turn) {
    return new Actor(turn.workspace(), turn.user());
  }
}
