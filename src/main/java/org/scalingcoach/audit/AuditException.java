package org.scalingcoach.audit;

/** An audit action that cannot be done; the message is written for the person who tried it. */
public final class AuditException extends RuntimeException {

  /** Why the action was refused, so adapters can choose how to show it. */
  public enum Reason {
    UNKNOWN_TYPE,
    UNKNOWN_AUDIT,
    OTHER_WORKSPACE,
    NOT_YOURS,
    CLOSED,
    INVALID_INPUT
  }

  private final Reason reason;

  public AuditException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
