package org.scalingcoach.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalingcoach.llm.TokenUsageLog.DailyUsage;
import org.scalingcoach.store.SqliteTokenUsageLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code usage}: the language model tokens spent per day and workspace. */
@Command(
    name = "usage",
    mixinStandardHelpOptions = true,
    description = "Show the language model tokens written answers used, per day and workspace.")
public final class UsageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataDirOption data;

  @Option(
      names = "--days",
      defaultValue = "30",
      description = "How many days back to show, today included (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--workspace", description = "Only this workspace (Slack team or Teams tenant).")
  String workspace;

  @Override
  public Integer call() {
    if (days < 1) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("error: --days must be at least 1 (today counts as one day)");
      err.flush();
      return 2;
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<DailyUsage> rows =
        new SqliteTokenUsageLog(data.openExisting()).daily(today.minusDays(days - 1L), today);
    print(spec.commandLine().getOut(), rows, workspace);
    return 0;
  }

  static void print(PrintWriter out, List<DailyUsage> rows, String workspace) {
    List<DailyUsage> shown =
        rows.stream().filter(r -> workspace == null || r.workspace().equals(workspace)).toList();
    if (shown.isEmpty()) {
      out.println("No written answers in this period.");
      out.flush();
      return;
    }
    out.printf(
        "%-10s  %-14s  %-28s  %7s  %10s  %12s  %12s%n",
        "day", "workspace", "model", "answers", "unfinished", "input tok", "output tok");
    long input = 0;
    long output = 0;
    int answers = 0;
    int unfinished = 0;
    for (DailyUsage r : shown) {
      out.printf(
          "%-10s  %-14s  %-28s  %7d  %10d  %12d  %12d%n",
          r.day(),
          r.workspace(),
          r.provider() + ":" + r.model(),
          r.answers(),
          r.unfinished(),
          r.inputTokens(),
          r.outputTokens());
      input += r.inputTokens();
      output += r.outputTokens();
      answers += r.answers();
      unfinished += r.unfinished();
    }
    out.printf(
        "%-10s  %-14s  %-28s  %7d  %10d  %12d  %12d%n",
        "total", "", "", answers, unfinished, input, output);
    out.flush();
  }
}
