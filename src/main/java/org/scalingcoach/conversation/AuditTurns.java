package org.scalingcoach.conversation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditDefinition;
import org.scalingcoach.audit.AuditEngine;
import org.scalingcoach.audit.AuditException;
import org.scalingcoach.audit.AuditHistory;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.AuditStatus;
import org.scalingcoach.audit.Progress;
import org.scalingcoach.audit.ReminderSchedule;
import org.scalingcoach.audit.Reminders;
import org.scalingcoach.delivery.DeliveryScope;
import org.scalingcoach.llm.AuditSummary;

/**
 * The audit conversation, once for every platform: turns typed {@code audit …} commands and clicks
 * on audit buttons, already allowed by the {@link ConversationPolicy}, into engine calls and the
 * {@link Reply}s to send, in order. Double clicks, stale buttons and redone deliveries are decided
 * here; the adapters render and send.
 */
public final class AuditTurns {
  /** How many finished audits a home shows. */
  private static final int HOME_FINISHED = 5;

  /** What a person is told when an audit step failed on our side. */
  public static final String SORRY =
      "Something went wrong on my side. Your answers so far are saved; please try again in a"
          + " moment.";

  static final String UNKNOWN_BUTTON = "That button is not one I recognise. Try %saudit.";

  /** Buttons that show something new below their message rather than moving the audit on. */
  private static final Set<String> SHOWS =
      Set.of(AuditReplies.REPORT, AuditReplies.EXPORT, AuditReplies.HISTORY);

  /** How a platform shows the next step after a click. */
  public enum Steps {
    /** The clicked card turns into the next step (Teams). */
    IN_PLACE,
    /** The next step is a new message and the clicked one is settled, keeping a transcript. */
    NEW_MESSAGES
  }

  /** Who people are, where a platform shows names rather than mentions. */
  public interface People {
    /** How to call {@code user}, if known. */
    Optional<String> name(String workspace, String user);

    /** The id audits know {@code mentioned} by (a mention may carry another id than messages). */
    default String userId(String workspace, String mentioned) {
      return mentioned;
    }
  }

  /**
   * What an audit command comes to: replies to send now, and replies that need slow work first.
   *
   * @param acknowledgement what to say at once where the slow replies go to another conversation
   * @param later the slow replies, or null
   */
  public record Outcome(List<Reply> now, String acknowledgement, Supplier<List<Reply>> later) {
    static Outcome now(Reply reply) {
      return new Outcome(List.of(reply), null, null);
    }
  }

  private final AuditEngine engine;
  private final AuditHistory history;
  private final Function<AuditReport, Optional<AuditSummary>> summaries;
  private final String prefix;
  private final AuditCommands commands;
  private final Steps steps;

  /**
   * @param summaries the language model's short narrative of a report, when one is configured
   * @param prefix what people type before a command, for the examples in errors
   * @param platformName the platform as people call it, for confirmations
   */
  public AuditTurns(
      AuditEngine engine,
      AuditHistory history,
      Reminders reminders,
      Function<AuditReport, Optional<AuditSummary>> summaries,
      People people,
      String prefix,
      String platformName,
      Steps steps) {
    this.engine = engine;
    this.history = history;
    this.summaries = summaries;
    this.prefix = prefix;
    this.commands = new AuditCommands(engine, history, reminders, people, prefix, platformName);
    this.steps = steps;
  }

  /**
   * A typed {@code audit …} command; {@code mentioned} are the people the platform says were
   * mentioned in it, other than the coach.
   */
  public Outcome command(Turn turn, Command.Audit command, List<String> mentioned) {
    Outcome outcome = commands.command(turn, command, mentioned);
    Supplier<List<Reply>> later = outcome.later();
    if (later == null) {
      return outcome;
    }
    // Slow work finds some refusals only once it runs: they are said like any other, everywhere.
    return new Outcome(
        outcome.now(),
        outcome.acknowledgement(),
        () -> {
          try {
            return later.get();
          } catch (AuditException e) {
            return List.of(Reply.text(e.getMessage()));
          }
        });
  }

  /** The audits part of a person's home: what they can start, resume and read, and the team. */
  public Reply home(String workspace, String user) {
    Actor actor = new Actor(workspace, user);
    Reply menu = commands.menu(actor, List.of());
    List<AuditRecord> finished =
        history.visible(actor).stream()
            .filter(a -> a.userId().equals(user) && a.status() == AuditStatus.FINISHED)
            .limit(HOME_FINISHED)
            .toList();
    return AuditReplies.home(
        menu, finished, history.isManager(actor) ? commands.team(actor) : null);
  }

  /** A click on an audit button: the replies, in order; an audit error becomes its message. */
  public List<Reply> click(Turn turn) {
    Turn.Action action = turn.action();
    boolean inPlace = steps == Steps.IN_PLACE && !SHOWS.contains(action.name());
    try {
      return clicked(actor(turn), action);
    } catch (AuditException e) {
      Reply error = Reply.text(e.getMessage());
      return List.of(inPlace ? error.replacingEarlier() : error);
    }
  }

  /**
   * Puts the audit's {@code replies} where each belongs, in order, the same on every platform: a
   * reply that replaces the clicked one in its place, a plain note to the person alone, anything
   * else (a question, a report, exports) in their own chat; a report a model can summarise gets its
   * summary once it is on screen, so a slow model never holds the report back.
   */
  public void place(List<Reply> replies, Outbox out) {
    for (Reply reply : replies) {
      if (reply.updatesEarlier()) {
        out.replace(reply);
      } else if (reply.view() == null && reply.blocks().isEmpty()) {
        out.note(reply);
      } else {
        out.privately(reply);
      }
      if (reply.view() instanceof AuditView.Report report) {
        summary(report.report()).ifPresent(summary -> out.summarised(reply, summary));
      }
    }
  }

  /**
   * A copy of the report a click asks for, to share with colleagues: without the owner's buttons.
   */
  public Reply shared(Turn turn) {
    return AuditReportReplies.report(history.report(actor(turn), id(turn.action())), false);
  }

  /** The audit {@code type} as it can be started now. */
  public Optional<AuditDefinition> definition(String type) {
    return engine.catalog().find(type);
  }

  /** The model's short narrative of a report just shown, if a model wrote one. */
  public Optional<Reply> summary(AuditReport report) {
    return summaries.apply(report).map(AuditReportReplies::summary);
  }

  /** The reminder that a scheduled re-audit is due. */
  public Reply reminder(ReminderSchedule schedule) {
    return AuditReportReplies.reminder(schedule, title(schedule.type()));
  }

  /** The nudge for an audit left open for a week. */
  public Reply nudge(AuditRecord audit) {
    return AuditReportReplies.nudge(audit, title(audit.type()));
  }

  private List<Reply> clicked(Actor actor, Turn.Action a) {
    boolean inPlace = steps == Steps.IN_PLACE;
    String question = a.value("question");
    return switch (a.name()) {
      case AuditReplies.START -> {
        Reply first = AuditReplies.step(engine.start(actor, a.value("type"), a.value("subject")));
        yield List.of(inPlace ? first.replacingEarlier() : first);
      }
      case AuditReplies.ANSWER -> {
        Progress next = engine.answer(actor, id(a), revision(a), question, a.value("option"));
        String label =
            next.definition()
                .question(question)
                .flatMap(q -> q.option(a.value("option")))
                .map(o -> o.label())
                .orElse(a.value("option"));
        yield moveOn(next, question, "✅ " + label);
      }
      case AuditReplies.SKIP ->
          moveOn(engine.skip(actor, id(a), revision(a), question), question, "⏩ skipped");
      case AuditReplies.BACK ->
          moveOn(engine.back(actor, id(a), revision(a)), question, "↩️ went back");
      case AuditReplies.PAUSE ->
          List.of(AuditReplies.step(engine.pause(actor, id(a))).replacingEarlier());
      case AuditReplies.RESUME -> resume(actor, a, inPlace);
      case AuditReplies.FINISH -> finish(actor, id(a), question, inPlace);
      case AuditReplies.REPORT ->
          List.of(AuditReportReplies.report(history.report(actor, id(a)), true));
      case AuditReplies.EXPORT -> List.of(AuditReportReplies.exports(history.report(actor, id(a))));
      case AuditReplies.HISTORY ->
          List.of(commands.history(actor, a.value("type"), a.value("subject")));
      default -> throw unknownButton();
    };
  }

  /**
   * Where the new-messages platforms settle the clicked message and post what comes next. A
   * repeated click changes nothing and posts nothing; a click on an old message posts the current
   * step with a note. A click redone after a crash posts the current step even when its answer was
   * already saved, because the first try may have died before posting it.
   */
  private List<Reply> moveOn(Progress next, String questionId, String outcome) {
    Reply step = AuditReplies.step(next);
    if (steps == Steps.IN_PLACE) {
      return List.of(step.replacingEarlier());
    }
    if (!next.changed()) {
      return next.notice() != null || DeliveryScope.redoing() ? List.of(step) : List.of();
    }
    // The next question goes out first: it is what the person is waiting for.
    return List.of(step, AuditReplies.settled(next.definition(), questionId, outcome));
  }

  /** A button with the revision it was shown at resumes once; a bare id resumes regardless. */
  private List<Reply> resume(Actor actor, Turn.Action a, boolean inPlace) {
    Optional<Progress> resumed =
        a.value("revision").isEmpty()
            ? Optional.of(engine.resume(actor, id(a)))
            : engine.resumeOnce(actor, id(a), revision(a));
    if (resumed.isEmpty()) {
      return inPlace
          ? List.of(AuditReplies.step(engine.current(actor, id(a))).replacingEarlier())
          : List.of();
    }
    Reply step = AuditReplies.step(resumed.get());
    return List.of(inPlace ? step.replacingEarlier() : step);
  }

  private List<Reply> finish(Actor actor, long id, String questionId, boolean inPlace) {
    boolean finishedNow = engine.finishNow(actor, id).isPresent();
    AuditReport report = history.report(actor, id);
    Reply shown = AuditReportReplies.report(report, true);
    if (inPlace) {
      return List.of(shown.replacingEarlier());
    }
    if (!finishedNow && !DeliveryScope.redoing()) {
      return List.of(); // finished by an earlier click: its report is already on its way
    }
    return List.of(AuditReplies.settled(report.definition(), questionId, "🏁 finished"), shown);
  }

  private String title(String type) {
    return engine.catalog().find(type).map(d -> d.title()).orElse(type);
  }

  private long id(Turn.Action a) {
    try {
      return Long.parseLong(a.value("audit").strip());
    } catch (NumberFormatException e) {
      throw unknownButton();
    }
  }

  private int revision(Turn.Action a) {
    try {
      return Integer.parseInt(a.value("revision").strip());
    } catch (NumberFormatException e) {
      throw unknownButton();
    }
  }

  private AuditException unknownButton() {
    return new AuditException(
        AuditException.Reason.INVALID_INPUT, UNKNOWN_BUTTON.formatted(prefix));
  }

  private static Actor actor(Turn turn) {
    return new Actor(turn.workspace(), turn.user());
  }
}
