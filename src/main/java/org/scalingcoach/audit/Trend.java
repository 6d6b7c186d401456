package org.scalingcoach.audit;

/** Which way a score moved since the previous finished audit of the same subject and type. */
public enum Trend {
  IMPROVED,
  DECLINED,
  UNCHANGED,
  NEW;

  /** Moves smaller than half a point on the 0–100 scale count as unchanged. */
  public static Trend between(Double before, double after) {
    if (before == null) {
      return NEW;
    }
    double delta = after - before;
    if (Math.abs(delta) < 0.5) {
      return UNCHANGED;
    }
    return delta > 0 ? IMPROVED : DECLINED;
  }
}
