package org.scalingcoach.audit;

/**
 * The score of one dimension, or of the whole audit.
 *
 * @param meanLevel the mean maturity level of the answered questions
 * @param score the mean level on a 0–100 scale
 * @param next the level to reach next, or null at the top
 * @param answered how many questions were answered (not skipped); 0 means not assessed
 */
public record DimensionScore(
    String id,
    String name,
    double meanLevel,
    double score,
    MaturityLevel level,
    MaturityLevel next,
    int answered,
    int skipped) {

  public boolean assessed() {
    return answered > 0;
  }

  /** How far the mean level is from the next level, in levels; 0 at the top. */
  public double gapToNext() {
    return next == null ? 0 : Math.round((next.value() - meanLevel) * 10.0) / 10.0;
  }
}
