package org.scalingcoach.cli;

import picocli.CommandLine.Command;

/** The {@code scaling-coach} command line: every entry point of the jar. */
@Command(
    name = "scaling-coach",
    mixinStandardHelpOptions = true,
    version = "Scaling Coach 0.1.0",
    description = "A Slack and Teams coach for scaling AI without the four classic errors.",
    subcommands = {AskCommand.class, KnowledgeCommand.class})
public final class CoachCommand {}
