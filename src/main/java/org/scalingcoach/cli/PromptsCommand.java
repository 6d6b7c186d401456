package org.scalingcoach.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.knowledge.Problem;
import org.scalingcoach.llm.PromptKind;
import org.scalingcoach.llm.PromptTemplates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prompts check}: validates the prompt templates for admins and CI. */
@Command(
    name = "prompts",
    mixinStandardHelpOptions = true,
    description = "Work with the prompt templates the language model is given.",
    subcommands = {PromptsCommand.Check.class})
public final class PromptsCommand {

  /** Checks that every template exists and uses only, and all of, its variables. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Check every prompt template; print each problem as file:line: message and exit 1 if"
              + " there is any.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--dir",
        description = "Prompts folder (default: COACH_PROMPTS_DIR or ./prompts).")
    Path dir;

    @Override
    public Integer call() {
      Path folder =
          dir != null ? dir : CoachConfig.fromEnvironment(System.getenv()).llm().promptsDir();
      List<Problem> problems =
          Files.isDirectory(folder)
              ? PromptTemplates.check(folder)
              : List.of(new Problem(folder, 0, "prompts folder not found"));
      return CheckReport.print(
          spec,
          folder.toString(),
          problems,
          String.format("OK: %d prompt templates in %s", PromptKind.values().length, folder));
    }
  }
}
