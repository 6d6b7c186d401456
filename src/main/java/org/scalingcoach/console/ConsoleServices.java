package org.scalingcoach.console;

import java.time.Clock;
import org.scalingcoach.audit.AuditHistory;

/** Everything the admin console's pages use, wired once by {@code Main}. */
public record ConsoleServices(
    ConsoleSignIn signIn,
    KnowledgeEditor knowledge,
    AnswerTrials trials,
    InsightsView insights,
    AuditHistory audits,
    RolesAndUsage roles,
    AdminAuditLog log,
    Clock clock) {}
