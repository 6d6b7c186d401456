package org.scalingcoach.slack;

import java.util.regex.Pattern;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.ReminderDelivery;
import org.scalingcoach.audit.ReminderSchedule;
import org.scalingcoach.conversation.AuditTurns;

/**
 * Delivers audit reminders and "your audit is waiting" nudges to Slack users as direct messages.
 */
final class SlackAuditReminders implements ReminderDelivery {
  private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]+");

  private final SlackAnswerer sender;
  private final AuditTurns turns;

  SlackAuditReminders(SlackAnswerer sender, AuditTurns turns) {
    this.sender = sender;
    this.turns = turns;
  }

  /** Slack user ids start with U or W; Teams users (GUIDs, 29: ids) are left to Teams. */
  @Override
  public boolean reaches(String teamId, String userId) {
    return SLACK_USER.matcher(userId).matches();
  }

  @Override
  public void remind(ReminderSchedule schedule) {
    sender.post(schedule.ownerUserId(), turns.reminder(schedule));
  }

  @Override
  public void nudge(AuditRecord audit) {
    sender.post(audit.userId(), turns.nudge(audit));
  }
}
