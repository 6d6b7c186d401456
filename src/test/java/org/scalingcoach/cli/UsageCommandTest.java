package org.scalingcoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingcoach.llm.TokenUsageLog.DailyUsage;

class UsageCommandTest {

  @Test
  void should_print_one_line_per_day_and_workspace_with_a_total() {
    LocalDate day = LocalDate.of(2025, 3, 3);
    List<DailyUsage> rows =
        List.of(
            new DailyUsage(day, "T1", "openai", "gpt-4o-mini", 3, 3_000, 400),
            new DailyUsage(day, "T2", "openai", "gpt-4o-mini", 1, 900, 100));
    StringWriter out = new StringWriter();

    UsageCommand.print(new PrintWriter(out), rows, "T1");

    assertThat(out.toString().lines())
        .hasSize(3)
        .anyMatch(l -> l.startsWith("2025-03-03") && l.contains("T1") && l.contains("3000"))
        .noneMatch(l -> l.contains("T2"))
        .last()
        .satisfies(l -> assertThat(l).startsWith("total").contains("3000").contains("400"));
  }
}
