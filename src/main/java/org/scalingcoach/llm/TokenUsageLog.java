package org.scalingcoach.llm;

import java.time.LocalDate;
import java.util.List;

/** Where the tokens of each written answer are recorded, and summed per day and workspace. */
public interface TokenUsageLog {
  void record(TokenUsage usage);

  /** Totals per day, workspace, provider and model for the days {@code from..to}, newest first. */
  List<DailyUsage> daily(LocalDate from, LocalDate to);

  /**
   * The sum of one day's model calls in one workspace with one model: finished ones ({@code
   * answers}) and those that timed out or broke off ({@code unfinished}), tokens of both.
   */
  record DailyUsage(
      LocalDate day,
      String workspace,
      String provider,
      String model,
      int answers,
      long inputTokens,
      long outputTokens,
      int unfinished) {

    /** A day with finished calls only. */
    public DailyUsage(
        LocalDate day,
        String workspace,
        String provider,
        String model,
        int answers,
        long inputTokens,
        long outputTokens) {
      this(day, workspace, provider, model, answers, inputTokens, outputTokens, 0);
    }
  }
}
