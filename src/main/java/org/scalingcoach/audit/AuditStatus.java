package org.scalingcoach.audit;

/** Where an audit stands. Only open and paused audits accept answers. */
public enum AuditStatus {
  OPEN,
  PAUSED,
  FINISHED,
  ABANDONED;

  public boolean active() {
    return this == OPEN || this == PAUSED;
  }
}
