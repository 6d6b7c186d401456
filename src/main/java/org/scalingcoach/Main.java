package org.scalingcoach;

import org.scalingcoach.cli.CoachCommand;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The jar's entry point: routes java.util.logging to SLF4J and runs the command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    System.exit(CoachCommand.commandLine().execute(args));
  }
}
