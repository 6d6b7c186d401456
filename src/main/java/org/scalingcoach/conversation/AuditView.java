package org.scalingcoach.conversation;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.scalingcoach.audit.AuditDefinition;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.Progress;
import org.scalingcoach.audit.ReminderSchedule;
import org.scalingcoach.audit.SubjectStatus;

/**
 * What an audit reply shows, for the renderers to lay out as Block Kit or an Adaptive Card. What to
 * say and which buttons to offer is decided by {@link AuditTurns}: the buttons are the reply's
 * {@link Reply#choices()} and {@link Reply#buttons()}, each carrying its opaque token.
 */
public sealed interface AuditView extends Reply.View {

  /**
   * The audits one can start (the choices, in order) and the person's open audits to resume (the
   * buttons, in order).
   */
  record Menu(List<AuditDefinition> definitions, List<AuditRecord> open) implements AuditView {}

  /**
   * The audits part of a home tab: the menu, the last finished audits (the choices, in order) and,
   * for managers, the team (else null).
   */
  record Home(Reply menu, List<AuditRecord> finished, List<SubjectStatus> team)
      implements AuditView {}

  /** One question: the choices are its options, the buttons Back, Skip and Pause. */
  record Question(Progress progress) implements AuditView {}

  /** Every question seen: the buttons finish, go back or pause. */
  record Review(Progress progress) implements AuditView {
    /** What the review step says under its title and progress. */
    public String line() {
      return "You have seen every question. Finish to see your scores and next steps; after that"
          + " the answers can't change.";
    }
  }

  /** A paused audit: the button resumes it. */
  record Paused(Progress progress) implements AuditView {
    /** What the paused message says under its title. */
    public String line() {
      return "Your answers are saved at "
          + progress.progressLine()
          + ". Resume whenever you are ready.";
    }
  }

  /** What a clicked question turns into: its place in the audit and what the click did. */
  record Settled(AuditDefinition definition, String questionId, String outcome)
      implements AuditView {}

  /** A scored report; the owner's copy offers the exports (and, where possible, sharing). */
  record Report(AuditReport report, boolean ownerCopy) implements AuditView {}

  /** A finished audit's Markdown and CSV, as files or messages. */
  record Exports(AuditReport report, List<Reply.File> files) implements AuditView {}

  /**
   * The latest level per subject; managers see the workspace, others their own. The reply's choices
   * are {@link #BUTTONS_PER_STATUS} per status, in order: History, Report and Export.
   */
  record Team(List<SubjectStatus> statuses, boolean manager) implements AuditView {
    public static final int BUTTONS_PER_STATUS = 3;

    /** The buttons of the {@code index}th status among {@code reply}'s choices. */
    public static List<Reply.Button> buttons(Reply reply, int index) {
      int from = index * BUTTONS_PER_STATUS;
      return reply.choices().subList(from, from + BUTTONS_PER_STATUS);
    }
  }

  /**
   * Every finished audit of one subject, oldest first.
   *
   * @param by who ran each of {@code finished}, in the same order
   */
  record History(String title, String subject, List<AuditRecord> finished, List<Reply.Person> by)
      implements AuditView {
    /** One audit's line: {@code date: level (score) trend by who · #id}. */
    public String entry(int index, Function<Reply.Person, String> who) {
      AuditRecord a = finished.get(index);
      StringBuilder line =
          new StringBuilder(a.finishedAt().toString().substring(0, 10))
              .append(": ")
              .append(a.levelName())
              .append(" (")
              .append(score(a))
              .append(")");
      if (index > 0) {
        long delta = score(a) - score(finished.get(index - 1));
        line.append(delta > 0 ? " ▲ +" + delta : delta < 0 ? " ▼ " + delta : " =");
      }
      return line.append(" by ")
          .append(who.apply(by.get(index)))
          .append(" · #")
          .append(a.id())
          .toString();
    }

    private static long score(AuditRecord a) {
      return a.score() == null ? 0 : Math.round(a.score());
    }
  }

  /** A re-audit was scheduled for {@code owner}, who will be asked in {@code platform}. */
  record Scheduled(ReminderSchedule schedule, Reply.Person owner, String platform)
      implements AuditView {
    /**
     * The confirmation, {@code who} being the owner as the renderer names them and {@code subject}
     * how it sets off (and escapes) the audited subject.
     */
    public String line(String who, UnaryOperator<String> subject) {
      return "Scheduled: every "
          + schedule.everyDays()
          + " days "
          + who
          + " will be asked in "
          + platform
          + " to audit "
          + subject.apply(schedule.subject())
          + " again; first on "
          + schedule.nextDueAt().toString().substring(0, 10)
          + ".";
    }
  }

  /** A scheduled re-audit is due: the button starts it. */
  record Reminder(ReminderSchedule schedule, String title) implements AuditView {}

  /** An audit left open for a week: the button resumes it. */
  record Nudge(AuditRecord audit, String title) implements AuditView {}
}
