package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.List;
import java.util.regex.Pattern;
import org.scalingcoach.AuditServices;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.ReminderDelivery;
import org.scalingcoach.audit.ReminderSchedule;

/**
 * Delivers audit reminders and "your audit is waiting" nudges to Slack users as direct messages.
 */
final class SlackAuditReminders implements ReminderDelivery {
  private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]+");

  private final AuditServices audits;
  private final AuditConversation conversation;

  SlackAuditReminders(AuditServices audits, AuditConversation conversation) {
    this.audits = audits;
    this.conversation = conversation;
  }

  /** Slack user ids start with U or W; Teams users (GUIDs, 29: ids) are left to Teams. */
  @Override
  public boolean reaches(String teamId, String userId) {
    return SLACK_USER.matcher(userId).matches();
  }

  @Override
  public void remind(ReminderSchedule schedule) {
    String title =
        audits.catalog().find(schedule.type()).map(d -> d.title()).orElse(schedule.type());
    conversation.post(
        schedule.ownerUserId(),
        "Time to audit " + Mrkdwn.escape(schedule.subject()) + " again",
        List.of(
            section(
                s ->
                    s.text(
                        markdownText(
                            ":calendar: It's time to run *"
                                + Mrkdwn.escape(title)
                                + "* for *"
                                + Mrkdwn.escape(schedule.subject())
                                + "* again (every "
                                + schedule.everyDays()
                                + " days, set up by <@"
                                + schedule.createdBy()
                                + ">)."))),
            actions(
                a ->
                    a.elements(
                        List.of(
                            AuditBlocks.button(
                                SlackAudits.START_SUBJECT,
                                "Start the audit",
                                schedule.type() + "\n" + schedule.subject(),
                                "primary"))))));
  }

  @Override
  public void nudge(AuditRecord audit) {
    conversation.post(
        audit.userId(),
        "Your audit of " + Mrkdwn.escape(audit.subject()) + " is waiting",
        List.of(
            section(
                s ->
                    s.text(
                            markdownText(
                                ":wave: Your audit of *"
                                    + Mrkdwn.escape(audit.subject())
                                    + "* has been waiting for a week. Your answers are saved; pick up where you left off."))
                        .accessory(
                            AuditBlocks.button(
                                AuditBlocks.RESUME,
                                "Resume",
                                String.valueOf(audit.id()),
                                "primary")))));
  }
}
