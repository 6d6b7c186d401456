package org.scalingcoach.audit;

/** How one dimension (or the overall score) changed since the previous audit. */
public record ScoreChange(String id, String name, Double before, double after, Trend trend) {

  /** The change in points, or null when there was nothing to compare with. */
  public Double delta() {
    return before == null ? null : Math.round((after - before) * 10.0) / 10.0;
  }
}
