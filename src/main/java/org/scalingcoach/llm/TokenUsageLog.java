package org.scalingcoach.llm;

import java.time.LocalDate;
import java.util.List;

/** Where the tokens of each written answer are recorded, and summed per day and workspace. */
public interface TokenUsageLog {
  void record(TokenUsage usage);

  /** Totals per day, workspace, provider and model for the days {@code from..to}, newest first. */
  List<DailyUsage> daily(LocalDate from, LocalDate to);

  /** The sum of one day's written answers in one workspace with one model. */
  record DailyUsage(
      LocalDate day,
      String workspace,
      String provider,
      String model,
      int answers,
      long inputTokens,
      long outputTokens) {}
}
