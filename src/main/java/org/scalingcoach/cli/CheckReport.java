package org.scalingcoach.cli;

import java.io.PrintWriter;
import java.util.List;
import org.scalingcoach.knowledge.Problem;
import picocli.CommandLine.Model.CommandSpec;

/** What the {@code check} commands print: every problem and a count, or one line saying OK. */
final class CheckReport {
  private CheckReport() {}

  /**
   * Prints each problem as {@code file:line: message} and returns exit code 1, or, when there is
   * none, prints {@code ok} and returns 0.
   */
  static int print(CommandSpec spec, String folder, List<Problem> problems, String ok) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    problems.forEach(err::println);
    if (!problems.isEmpty()) {
      err.printf("%d problem(s) found in %s%n", problems.size(), folder);
      err.flush();
      return 1;
    }
    out.println(ok);
    out.flush();
    return 0;
  }
}
