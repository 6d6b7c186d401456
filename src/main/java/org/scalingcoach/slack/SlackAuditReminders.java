package org.scalingcoach.slack;

import java.util.regex.Pattern;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.ReminderDelivery;
import org.scalingcoach.audit.ReminderSchedule;

/**
 * Delivers audit reminders and "your audit is waiting" nudges to Slack users as direct messages.
 */
final class SlackAuditReminders implements ReminderDelivery {
  private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]+");

  private final AuditConversation sender;

  SlackAuditReminders(AuditConversation sender) {
    this.sender = sender;
  }

  /** Slack user ids start with U or W; Teams users (GUIDs, 29: ids) are left to Teams. */
  @Override
  public boolean reaches(String teamId, String userId) {
    return SLACK_USER.matcher(userId).matches();
  }

  @Override
  public void remind(ReminderSchedule schedule) {
    sender.post(schedule.ownerUserId(), sender.turns().reminder(schedule));
  }

  @Override
  public void nudge(AuditRecord audit) {
    sender.post(audit.userId(), sender.turns().nudge(audit));
  }
}
