package org.scalingcoach.cli;

import java.util.concurrent.Callable;
import org.scalingcoach.install.SlackManifestCommand;
import org.scalingcoach.web.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code scaling-coach} command line: every entry point of the jar. */
@Command(
    name = "scaling-coach",
    mixinStandardHelpOptions = true,
    version = "Scaling Coach 0.1.0",
    description = "A Slack and Teams coach for scaling AI without the four classic errors.",
    subcommands = {
      ServeCommand.class,
      AskCommand.class,
      KnowledgeCommand.class,
      SlackManifestCommand.class,
      TeamsPackageCommand.class,
      RolesCommand.class,
      InsightsCommand.class,
      PromptsCommand.class,
      UsageCommand.class
    })
public final class CoachCommand implements Callable<Integer> {

  /** The command line as the jar runs it: fixable failures are one line and exit code 2. */
  public static CommandLine commandLine() {
    return new CommandLine(new CoachCommand()).setExecutionExceptionHandler(new StartupFailures());
  }

  /** With no subcommand the jar runs the server, so {@code java -jar} is all it takes. */
  @Override
  public Integer call() throws Exception {
    return new ServeCommand().call();
  }
}
