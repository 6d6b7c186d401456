package org.scalingcoach;

import java.time.Clock;
import org.scalingcoach.audit.AuditCatalog;
import org.scalingcoach.audit.AuditEngine;
import org.scalingcoach.audit.AuditHistory;
import org.scalingcoach.audit.AuditSettings;
import org.scalingcoach.audit.ReminderDelivery;
import org.scalingcoach.audit.Reminders;
import org.scalingcoach.store.SqliteReminderStore;
import org.scalingcoach.store.SqliteRoleStore;

/** The guided audits, wired over the core's database: what the chat adapters use. */
public record AuditServices(
    AuditEngine engine,
    AuditHistory history,
    SqliteRoleStore roles,
    SqliteReminderStore reminderStore,
    AuditSettings settings,
    Clock clock) {

  /** The audits that can be started now; it changes when admins reload the definitions. */
  public AuditCatalog catalog() {
    return engine.catalog();
  }

  /** Reminders that go out through {@code delivery}; start them with {@link Reminders#start}. */
  public Reminders reminders(ReminderDelivery delivery) {
    return new Reminders(reminderStore, engine::catalog, roles, delivery, clock);
  }
}
