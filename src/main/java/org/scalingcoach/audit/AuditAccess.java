package org.scalingcoach.audit;

import org.scalingcoach.audit.AuditException.Reason;

/**
 * Loads audits for a person, refusing those of another workspace, someone else's where it must be
 * their own, and closed ones where the audit is about to change.
 */
final class AuditAccess {
  private final AuditStore store;

  AuditAccess(AuditStore store) {
    this.store = store;
  }

  /** Loads an audit and checks it is in the actor's workspace; {@code mine} requires their own. */
  AuditRecord load(Actor actor, long auditId, boolean mine) {
    AuditRecord audit =
        store
            .find(auditId)
            .orElseThrow(
                () ->
                    new AuditException(
                        Reason.UNKNOWN_AUDIT,
                        "I can't find that audit. Use /coach audit to see the audits you have."));
    if (!audit.teamId().equals(actor.teamId())) {
      throw new AuditException(
          Reason.OTHER_WORKSPACE,
          "That audit belongs to another workspace, so it can't be opened here.");
    }
    if (mine && !audit.userId().equals(actor.userId())) {
      throw new AuditException(
          Reason.NOT_YOURS,
          "That audit belongs to someone else; only the person who started it can answer it.");
    }
    return audit;
  }

  /** Loads an audit whose report the actor may see: their own, or any for a manager. */
  AuditRecord viewable(Actor actor, long auditId, boolean manager) {
    AuditRecord audit = load(actor, auditId, false);
    if (!manager && !audit.userId().equals(actor.userId())) {
      throw new AuditException(
          Reason.NOT_YOURS,
          "That report belongs to someone else's audit; only they and managers can view or export"
              + " it. Use /coach audit to see your own.");
    }
    return audit;
  }

  /** Loads an audit that must be the actor's own, as for every change to it. */
  AuditRecord owned(Actor actor, long auditId) {
    return load(actor, auditId, true);
  }

  /** Refuses finished and abandoned audits, whose answers can no longer change. */
  static void requireActive(AuditRecord audit) {
    switch (audit.status()) {
      case FINISHED ->
          throw new AuditException(
              Reason.CLOSED,
              "This audit is finished, so its answers can't change any more. Start a new audit of \""
                  + audit.subject()
                  + "\" to record progress.");
      case ABANDONED ->
          throw new AuditException(
              Reason.CLOSED, "This audit was abandoned. Start a new one with /coach audit.");
      default -> {}
    }
  }
}
