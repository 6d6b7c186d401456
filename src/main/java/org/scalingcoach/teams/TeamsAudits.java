package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalingcoach.AuditServices;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditEngine;
import org.scalingcoach.audit.AuditException;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.AuditStatus;
import org.scalingcoach.audit.Progress;
import org.scalingcoach.audit.ReminderSchedule;
import org.scalingcoach.audit.Reminders;
import org.scalingcoach.audit.ScoreChart;
import org.scalingcoach.conversation.Command;
import org.scalingcoach.conversation.HelpText;
import org.scalingcoach.llm.AuditSummary;
import org.scalingcoach.store.TeamsConversationStore;

/**
 * Guided audits in Teams: turns typed {@code audit ...} messages and card button data into audit
 * engine calls, and the results into cards and messages. The engine and its storage are the same as
 * Slack's, keyed by the Teams tenant.
 */
final class TeamsAudits {
  private static final Pattern REMIND = Pattern.compile("(\\S+)\\s+(\\d{1,4})\\s+(.+)");

  private final AuditServices audits;
  private final TeamsConversationStore conversations;
  private final Function<AuditReport, Optional<AuditSummary>> summaries;

  TeamsAudits(
      AuditServices audits,
      TeamsConversationStore conversations,
      Function<AuditReport, Optional<AuditSummary>> summaries) {
    this.summaries = summaries;
    this.audits = audits;
    this.conversations = conversations;
  }

  /** True for the data of the buttons that move an audit on: their card is replaced. */
  static boolean handles(String action) {
    return action.startsWith("audit-") && !shows(action);
  }

  /** True for the data of the buttons that show something new below the card. */
  static boolean shows(String action) {
    return action.equals("audit-history")
        || action.equals("audit-report")
        || action.equals("audit-export");
  }

  ObjectNode menu() {
    if (audits.catalog().definitions().isEmpty()) {
      return TeamsCards.notice("No audits are set up yet. Ask an admin to add audit files.");
    }
    return AuditCards.menu(audits.catalog().definitions());
  }

  /**
   * A typed {@code audit ...} message the conversation service allowed: what to send back, each a
   * card or a text message.
   */
  List<ObjectNode> command(TeamsActivity activity, Command.Audit command) {
    Actor actor = actor(activity);
    String rest = command.arguments();
    try {
      return switch (command.verb()) {
        case LIST -> cards(activity, menu());
        case START -> cards(activity, start(actor, command));
        case EXPORT ->
            export(activity, actor, audits.history().exportTarget(actor, command.auditNumber("")));
        case TEAM -> cards(activity, team(actor));
        case HISTORY -> cards(activity, history(actor, command));
        case REMIND -> cards(activity, TeamsCards.notice(remind(activity, actor, rest)));
        case USAGE -> cards(activity, TeamsCards.notice(HelpText.auditUsage("")));
      };
    } catch (AuditException e) {
      return cards(activity, TeamsCards.notice(e.getMessage()));
    }
  }

  /**
   * A button that shows something below its card: a history, a report or the exports (allowed here
   * by the conversation service's policy).
   */
  List<ObjectNode> show(TeamsActivity activity, JsonNode data) {
    Actor actor = actor(activity);
    long id = data.path("audit").asLong();
    try {
      return switch (data.path(TeamsCards.ACTION).asText()) {
        case "audit-history" ->
            cards(
                activity,
                history(actor, data.path("type").asText(""), data.path("subject").asText("")));
        case "audit-report" -> {
          AuditReport report = audits.history().report(actor, id);
          yield cards(activity, AuditCards.report(report, ScoreChart.png(report)));
        }
        default -> export(activity, actor, id);
      };
    } catch (AuditException e) {
      return cards(activity, TeamsCards.notice(e.getMessage()));
    }
  }

  static boolean finishes(String action) {
    return "audit-finish".equals(action);
  }

  /**
   * The model's short narrative of a just-finished audit, with its sources, if a model wrote one.
   */
  Optional<ObjectNode> summary(TeamsActivity activity, JsonNode data) {
    try {
      AuditReport report = audits.history().report(actor(activity), data.path("audit").asLong());
      return summaries
          .apply(report)
          .map(
              summary -> {
                StringBuilder text =
                    new StringBuilder("**In short**\n\n").append(summary.markdown());
                for (int i = 0; i < summary.cited().size(); i++) {
                  var section = summary.cited().get(i);
                  text.append("\n\n[")
                      .append(i + 1)
                      .append("] ")
                      .append(section.documentTitle())
                      .append(" › ")
                      .append(section.heading());
                }
                return TeamsCards.notice(text.toString());
              });
    } catch (AuditException e) {
      return Optional.empty();
    }
  }

  /** Applies a button click and returns the card to show in its place. */
  ObjectNode onCardAction(TeamsActivity activity, JsonNode data) {
    Actor actor = actor(activity);
    AuditEngine engine = audits.engine();
    long id = data.path("audit").asLong();
    int revision = data.path("revision").asInt();
    String question = data.path("question").asText("");
    try {
      return switch (data.path(TeamsCards.ACTION).asText()) {
        case "audit-start" ->
            card(
                engine.start(actor, data.path("type").asText(""), data.path("subject").asText("")));
        case "audit-answer" ->
            card(engine.answer(actor, id, revision, question, data.path("option").asText("")));
        case "audit-skip" -> card(engine.skip(actor, id, revision, question));
        case "audit-back" -> card(engine.back(actor, id, revision));
        case "audit-pause" -> card(engine.pause(actor, id));
        case "audit-resume" -> card(engine.resume(actor, id));
        case "audit-finish" -> report(actor, id);
        default -> TeamsCards.notice("That button no longer works. Type \"audit\" to start again.");
      };
    } catch (AuditException e) {
      return TeamsCards.notice(e.getMessage());
    }
  }

  /** {@code audit start plan-for-mlops Churn model} starts at once; without both, the menu. */
  private ObjectNode start(Actor actor, Command.Audit command) {
    return command
        .typeAndSubject()
        .map(named -> card(audits.engine().start(actor, named.type(), named.subject())))
        .orElseGet(this::menu);
  }

  private ObjectNode team(Actor actor) {
    return TeamsAuditViews.team(audits.history().latest(actor), audits.history().isManager(actor));
  }

  private ObjectNode history(Actor actor, Command.Audit command) {
    return command
        .typeAndSubject()
        .map(named -> history(actor, named.type(), named.subject()))
        .orElseGet(
            () ->
                TeamsCards.notice(
                    "Say which audit and subject, e.g. **audit history plan-for-mlops Churn"
                        + " model**."));
  }

  private ObjectNode history(Actor actor, String type, String subject) {
    List<AuditRecord> finished = audits.history().history(actor, type, subject);
    if (finished.isEmpty()) {
      return TeamsCards.notice("No finished audits of that subject that you can see.");
    }
    AuditRecord latest = finished.get(finished.size() - 1);
    return TeamsAuditViews.history(
        audits.history().title(latest),
        latest.subject(),
        finished,
        user -> user.equals(actor.userId()) ? "you" : name(actor.teamId(), user));
  }

  private String name(String tenantId, String userId) {
    return conversations
        .find(tenantId, userId)
        .map(TeamsConversationStore.ConversationRef::userName)
        .filter(n -> !n.isBlank())
        .orElse("a colleague");
  }

  private String remind(TeamsActivity activity, Actor actor, String rest) {
    Matcher m = REMIND.matcher(rest);
    if (!m.matches()) {
      return "Use **audit remind <audit> <days> @owner <subject>**, e.g. **audit remind"
          + " plan-for-mlops 90 @Ada Churn model**. Without a mention, the reminder is for you.";
    }
    List<String> mentioned = activity.mentionedUsers();
    String owner = mentioned.isEmpty() ? actor.userId() : ownerId(actor, mentioned.get(0));
    ReminderSchedule s =
        audits
            .reminders()
            .schedule(actor, m.group(1), m.group(3), owner, Reminders.parseEveryDays(m.group(2)));
    String who = owner.equals(actor.userId()) ? "you" : name(actor.teamId(), owner);
    if (who.equals("a colleague")) {
      who = "the person you mentioned";
    }
    return "Scheduled: every "
        + s.everyDays()
        + " days "
        + who
        + " will be asked in Teams to audit **"
        + TeamsCards.inert(s.subject())
        + "** again; first on "
        + s.nextDueAt().toString().substring(0, 10)
        + ".";
  }

  /** A mention carries the Bot Framework id; audits are keyed by the Entra id when we know it. */
  private String ownerId(Actor actor, String botFrameworkId) {
    return conversations
        .find(actor.teamId(), botFrameworkId)
        .map(TeamsConversationStore.ConversationRef::userId)
        .orElse(botFrameworkId);
  }

  private List<ObjectNode> export(TeamsActivity activity, Actor actor, long id) {
    AuditReport report = audits.history().report(actor, id);
    return TeamsExports.messages(report).stream()
        .map(m -> activity.replyWithText(m.path("textFormat").asText(), m.path("text").asText()))
        .toList();
  }

  private ObjectNode report(Actor actor, long id) {
    audits.engine().finish(actor, id);
    AuditReport report = audits.history().report(actor, id);
    return AuditCards.report(report, ScoreChart.png(report));
  }

  private static List<ObjectNode> cards(TeamsActivity activity, ObjectNode card) {
    return List.of(activity.replyWithCard(card));
  }

  private static Actor actor(TeamsActivity activity) {
    return new Actor(activity.tenantId(), activity.userId());
  }

  private static ObjectNode card(Progress progress) {
    if (progress.audit().status() == AuditStatus.PAUSED) {
      return AuditCards.paused(progress);
    }
    return progress.readyToFinish()
        ? AuditCards.readyToFinish(progress)
        : AuditCards.question(progress);
  }
}
