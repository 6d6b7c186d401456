package org.scalingcoach.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.knowledge.KnowledgeBase;
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
      return CheckReport.print(
          spec,
          folder,
          KnowledgeChecks.all(folder, knowledge),
          String.format(
              "OK: %d documents, %d sections in %s",
              knowledge.documents().size(), knowledge.sections().size(), folder));
    }
  }
}
