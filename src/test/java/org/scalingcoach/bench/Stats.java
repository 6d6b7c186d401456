package org.scalingcoach.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of measured durations, for benchmarks that print their numbers. */
public final class Stats {
  private Stats() {}

  /** The {@code p}-th percentile (0–100) of {@code values}, nearest-rank. */
  public static double percentile(List<Double> values, double p) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public static String summary(List<Double> millis) {
    return String.format(
        "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)",
        percentile(millis, 50),
        percentile(millis, 95),
        percentile(millis, 99),
        percentile(millis, 100),
        millis.size());
  }
}
