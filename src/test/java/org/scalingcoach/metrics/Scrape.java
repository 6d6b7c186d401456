package org.scalingcoach.metrics;

import java.util.Arrays;

/** Reads one sample out of the Prometheus text format, for tests. */
public final class Scrape {
  private Scrape() {}

  /**
   * The value of {@code metric} with all of {@code labels} ({@code name="value"} pairs), summed
   * over the samples that match, or 0 when there is no such sample yet.
   */
  public static double value(String text, String metric, String... labels) {
    return text.lines()
        .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
        .filter(line -> Arrays.stream(labels).allMatch(line::contains))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** The same, read from the process's metrics now. */
  public static double now(String metric, String... labels) {
    return value(CoachMetrics.scrape(), metric, labels);
  }
}
