package org.scalingcoach.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where re-audit schedules and nudge marks are kept, so they survive restarts. */
public interface ReminderStore {

  /**
   * Adds a schedule, or replaces the interval and due date of the same team, type, subject and
   * owner.
   */
  ReminderSchedule save(ReminderSchedule schedule);

  List<ReminderSchedule> list(String teamId);

  Optional<ReminderSchedule> find(long id);

  boolean delete(String teamId, long id);

  /** Schedules due at or before {@code now}, across workspaces. */
  List<ReminderSchedule> due(Instant now);

  /**
   * Moves a schedule's due date from {@code expected} to {@code next}; false if someone else did
   * first.
   */
  boolean moveDue(long id, Instant expected, Instant next);

  /** Open or paused audits untouched since {@code before} that have not been nudged yet. */
  List<AuditRecord> idleAudits(Instant before);

  /** Marks an audit as nudged; false if it already was. */
  boolean markNudged(long auditId, Instant at);
}
