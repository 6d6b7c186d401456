package org.scalingcoach.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Optional;
import org.scalingcoach.config.ConfigException;
import org.scalingcoach.config.SetupException;
import org.scalingcoach.knowledge.Problem;
import org.scalingcoach.llm.PromptException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the failures an operator can fix (bad settings, a port in use, a folder the coach may not
 * write, a refused token) into one line on standard error and exit code 2, instead of a stack
 * trace. Anything else is a bug and keeps its stack trace.
 */
final class StartupFailures implements IExecutionExceptionHandler {
  static final int EXIT_SETUP = 2;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed)
      throws Exception {
    Optional<String> message = explain(e);
    if (message.isEmpty()) {
      throw e;
    }
    PrintWriter err = cli.getErr();
    err.println(message.get());
    err.flush();
    return EXIT_SETUP;
  }

  /** What to tell the operator about {@code failure}, if it is one they can fix. */
  static Optional<String> explain(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConfigException config) {
        return Optional.of(
            config.problems().size() == 1
                ? "error: " + config.problems().get(0)
                : config.getMessage());
      }
      if (t instanceof PromptException prompts) {
        return Optional.of(
            "error: the prompt templates cannot be used: "
                + String.join("; ", prompts.problems().stream().map(Problem::toString).toList())
                + ". Fix them (check with 'prompts check --dir FOLDER') or point COACH_PROMPTS_DIR"
                + " at the shipped prompts folder");
      }
      if (t instanceof SetupException setup) {
        return Optional.of("error: " + setup.getMessage());
      }
      if (t instanceof BindException) {
        return Optional.of(
            "error: the port is already in use ("
                + failure.getMessage()
                + "): stop the other process or set PORT to a free port");
      }
      if (t instanceof AccessDeniedException denied) {
        return Optional.of(
            "error: permission denied for "
                + denied.getFile()
                + ": the coach's user cannot write there. Give that user the folder (Docker:"
                + " use a named volume, or chown -R 10001:10001 the host folder), or set"
                + " COACH_DATA_DIR / DJL_CACHE_DIR to a folder it can write");
      }
      if (t instanceof FileSystemException fs) {
        return Optional.of(
            "error: cannot use "
                + fs.getFile()
                + " ("
                + Optional.ofNullable(fs.getReason()).orElse(fs.getClass().getSimpleName())
                + "): check COACH_DATA_DIR, --data-dir or DJL_CACHE_DIR");
      }
    }
    return Optional.empty();
  }
}
