package org.scalingcoach.audit;

import java.time.Duration;
import java.util.Set;

/**
 * Audit settings from the environment.
 *
 * @param managers user ids that are managers in every workspace ({@code COACH_MANAGERS}, comma
 *     separated, default none)
 * @param reminderCheck how often due reminders are looked for ({@code
 *     COACH_REMINDER_CHECK_MINUTES}, default 15)
 */
public record AuditSettings(Set<String> managers, Duration reminderCheck) {

  public AuditSettings {
    managers = Set.copyOf(managers);
  }
}
