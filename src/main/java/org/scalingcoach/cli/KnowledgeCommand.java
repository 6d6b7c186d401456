package org.scalingcoach.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code knowledge check}: validates the knowledge files for admins and CI. */
@Command(
    name = "knowledge",
    mixinStandardHelpOptions = true,
    description = "Work with the knowledge base.",
    subcommands = {KnowledgeCommand.Check.class})
public final class KnowledgeCommand {

  /** Validates every knowledge file and reports each problem with file and line. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Validate every knowledge file; print each problem as file:line: message and exit 1 if"
              + " there is any.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--dir",
        description = "Knowledge folder (default: COACH_KNOWLEDGE_DIR or ./knowledge).")
    Path dir;

    @Override
    public Integer call() {
      Path folder = dir != null ? dir : CoachConfig.fromEnvironment(System.getenv()).knowledgeDir();
      KnowledgeBase knowledge = KnowledgeBase.load(folder);
      List<Problem> problems = KnowledgeChecks.all(folder, knowledge);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      problems.forEach(err::println);
      if (!problems.isEmpty()) {
        err.printf("%d problem(s) found in %s%n", problems.size(), folder);
        err.flush();
        return 1;
      }
      out.printf(
          "OK: %d documents, %d sections in %s%n",
          knowledge.documents().size(), knowledge.sections().size(), folder);
      out.flush();
      return 0;
    }
  }
}
