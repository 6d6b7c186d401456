package org.scalingcoach.audit;

/** Sends reminders to people through a chat platform; the Slack and Teams adapters implement it. */
public interface ReminderDelivery {

  /**
   * True when this delivery can reach the person; a {@link ReminderRouter} asks each delivery in
   * turn.
   */
  default boolean reaches(String teamId, String userId) {
    return true;
  }

  /** Asks the schedule's owner to run the audit again, with a way to start it. */
  void remind(ReminderSchedule schedule);

  /** Reminds the owner of an audit left open that it is waiting for them. */
  void nudge(AuditRecord audit);
}
