package org.scalingcoach;

import java.time.Clock;
import org.scalingcoach.answer.Asker;
import org.scalingcoach.audit.AuditCatalog;
import org.scalingcoach.audit.AuditEngine;
import org.scalingcoach.audit.AuditHistory;
import org.scalingcoach.audit.AuditSettings;
import org.scalingcoach.audit.ReminderDelivery;
import org.scalingcoach.audit.ReminderRouter;
import org.scalingcoach.audit.Reminders;
import org.scalingcoach.conversation.AuditTurns;
import org.scalingcoach.llm.ReportFacts;
import org.scalingcoach.store.SqliteReminderStore;
import org.scalingcoach.store.SqliteRoleStore;

/**
 * The guided audits, wired over the coach's database: what the chat adapters use. One {@link
 * Reminders} sends through {@code deliveries}, which routes each reminder to Slack or Teams.
 */
public record AuditServices(
    AuditEngine engine,
    AuditHistory history,
    SqliteRoleStore roles,
    SqliteReminderStore reminderStore,
    ReminderRouter deliveries,
    Reminders reminders,
    AuditSettings settings,
    Clock clock) {

  /** The audits that can be started now; it changes when admins reload the definitions. */
  public AuditCatalog catalog() {
    return engine.catalog();
  }

  /**
   * Adds a chat platform's way of reaching people and starts the reminder checks (once, however
   * many platforms call it).
   */
  public void deliverRemindersThrough(ReminderDelivery delivery) {
    deliveries.add(delivery);
    reminders.start(settings.reminderCheck());
  }

  /**
   * The audit conversation for one chat platform, with the language model's report summaries when
   * {@code core} has a model.
   */
  public AuditTurns turns(
      CoachCore core,
      AuditTurns.People people,
      String prefix,
      String platformName,
      AuditTurns.Steps steps) {
    return new AuditTurns(
        engine,
        history,
        reminders,
        report ->
            core.llm()
                .auditSummaries()
                .summarise(
                    new Asker(report.audit().teamId(), report.audit().userId()),
                    ReportFacts.of(report, core.knowledge())),
        people,
        prefix,
        platformName,
        steps);
  }
}
