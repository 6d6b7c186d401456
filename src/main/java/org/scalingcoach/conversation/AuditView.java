package org.scalingcoach.conversation;

import java.util.List;
import java.util.Map;
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
  record Review(Progress progress) implements AuditView {}

  /** A paused audit: the button resumes it. */
  record Paused(Progress progress) implements AuditView {}

  /** What a clicked question turns into: its place in the audit and what the click did. */
  record Settled(AuditDefinition definition, String questionId, String outcome)
      implements AuditView {}

  /** A scored report; the owner's copy offers the exports (and, where possible, sharing). */
  record Report(AuditReport report, boolean ownerCopy) implements AuditView {}

  /** A finished audit's Markdown and CSV, as files or messages. */
  record Exports(AuditReport report, List<Reply.File> files) implements AuditView {}

  /** The latest level per subject; managers see the workspace, others their own. */
  record Team(List<SubjectStatus> statuses, boolean manager) implements AuditView {}

  /**
   * Every finished audit of one subject, oldest first.
   *
   * @param names how to call each person who ran one, where the platform has no mentions
   */
  record History(
      String title, String subject, List<AuditRecord> finished, Map<String, String> names)
      implements AuditView {}

  /** A re-audit was scheduled: {@code who} is the owner as this platform names them. */
  record Scheduled(ReminderSchedule schedule, String who) implements AuditView {}

  /** A scheduled re-audit is due: the button starts it. */
  record Reminder(ReminderSchedule schedule, String title) implements AuditView {}

  /** An audit left open for a week: the button resumes it. */
  record Nudge(AuditRecord audit, String title) implements AuditView {}
}
