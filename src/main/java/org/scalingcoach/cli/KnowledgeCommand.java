package org.scalingcoach.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalingcoach.audit.AuditCatalog;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.config.ContentFolder;
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
        description =
            "Knowledge folder (default: COACH_KNOWLEDGE_DIR, else ./knowledge, else the copy"
                + " shipped in the jar).")
    Path dir;

    @Override
    public Integer call() {
      Path folder;
      String where;
      if (dir != null) {
        folder = dir;
        where = dir.toString();
      } else {
        ContentFolder configured = CoachConfig.fromEnvironment(System.getenv()).knowledge();
        folder = configured.path();
        where = configured.describe();
      }
      if (!Files.isDirectory(folder)) {
        return CheckReport.print(
            spec, where, List.of(new Problem(folder, 0, "knowledge folder not found")), "");
      }
      KnowledgeBase knowledge = KnowledgeBase.load(folder);
      AuditCatalog audits = AuditCatalog.load(folder, knowledge);
      List<Problem> problems = new ArrayList<>(knowledge.problems());
      problems.addAll(audits.problems());
      if (knowledge.documents().isEmpty() && problems.isEmpty()) {
        problems.add(
            new Problem(
                folder, 0, "no knowledge documents: the coach would answer nothing from here"));
      }
      return CheckReport.print(
          spec,
          where,
          problems,
          String.format(
              "OK: %d documents, %d sections and %d audits in %s",
              knowledge.documents().size(),
              knowledge.sections().size(),
              audits.definitions().size(),
              where));
    }
  }
}
