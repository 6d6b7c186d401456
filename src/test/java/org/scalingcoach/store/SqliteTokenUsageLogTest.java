package org.scalingcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.scalingcoach.llm.TokenUsage;
import org.scalingcoach.llm.TokenUsageLog.DailyUsage;

@ParameterizedClass
@EnumSource(DatabaseKind.class)
class SqliteTokenUsageLogTest {
  @Parameter DatabaseKind kind;

  @TempDir Path dir;

  @Test
  void should_sum_tokens_per_day_and_workspace() {
    SqliteTokenUsageLog log = new SqliteTokenUsageLog(TestDatabases.open(kind, "usage-"));
    LocalDate monday = LocalDate.of(2025, 3, 3);
    LocalDate tuesday = monday.plusDays(1);
    log.record(new TokenUsage("T1", "U1", "openai", "gpt", 100, 10, monday));
    log.record(new TokenUsage("T1", "U2", "openai", "gpt", 200, 20, monday));
    log.record(new TokenUsage("T2", "U1", "openai", "gpt", 50, 5, monday));
    log.record(new TokenUsage("T1", "U1", "openai", "gpt", 7, 1, tuesday));
    log.record(new TokenUsage("T1", "U1", "openai", "gpt", 999, 99, tuesday.plusDays(1)));

    assertThat(log.daily(monday, tuesday))
        .containsExactly(
            new DailyUsage(tuesday, "T1", "openai", "gpt", 1, 7, 1),
            new DailyUsage(monday, "T1", "openai", "gpt", 2, 300, 30),
            new DailyUsage(monday, "T2", "openai", "gpt", 1, 50, 5));
  }
}
