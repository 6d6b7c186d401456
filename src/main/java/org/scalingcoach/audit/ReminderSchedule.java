package org.scalingcoach.audit;

import java.time.Instant;

/**
 * A recurring re-audit: every {@code everyDays} days the owner is asked to audit the subject again.
 */
public record ReminderSchedule(
    long id,
    String teamId,
    String type,
    String subject,
    String ownerUserId,
    int everyDays,
    String createdBy,
    Instant nextDueAt) {}
