package org.scalingcoach.conversation;

import java.util.List;

/**
 * The one help text, written from the {@link Command} grammar, in Markdown. Platforms differ only
 * in the prefix people type before a command ({@code /coach } in Slack, nothing in Teams).
 */
public final class HelpText {

  private record Line(String usage, String arguments, String description) {}

  private static final List<Line> AUDITS =
      List.of(
          new Line("audit", "", "start a guided maturity audit, or resume one."),
          new Line("audit start", " <audit> <subject>", "start that audit of a subject at once."),
          new Line(
              "audit export",
              " [number]",
              "your latest finished audit (or that one) as Markdown and CSV."),
          new Line(
              "audit team",
              "",
              "the latest level and trend per subject (managers see everyone's, others their"
                  + " own)."),
          new Line("audit history", " <audit> <subject>", "every finished audit of a subject."),
          new Line(
              "audit remind",
              " <audit> <days> @owner <subject>",
              "(managers) ask the owner to audit the subject again every so many days."));

  private static final List<Line> EXPERTS =
      List.of(
          new Line(
              "my questions", "", "the questions you asked the experts, and where they stand."));

  private static final List<Line> ADMIN =
      List.of(
          new Line(
              "admin reload", "", "(admins) read the knowledge base, audits and prompts again."),
          new Line(
              "admin insights",
              "",
              "(admins, personal chat) what this workspace could not get answered and which"
                  + " answers were voted down."),
          new Line(
              "admin console",
              "",
              "(admins, personal chat) a one-time sign-in link to the web console."));

  private HelpText() {}

  /** Everything the coach understands with {@code features} on. */
  public static String help(String prefix, Features features) {
    StringBuilder text =
        new StringBuilder(
            "**Scaling Coach** answers questions about scaling AI in your company, with"
                + " sources.\n\n");
    text.append("- **Any question** about scaling AI");
    if (!prefix.isEmpty()) {
      text.append(" (**").append(prefix).append("<your question>**)");
    }
    text.append(
        ": I answer from the knowledge base with sources. In a channel, mention me first.\n");
    if (features.audits()) {
      lines(text, prefix, AUDITS);
    }
    if (features.experts()) {
      lines(text, prefix, EXPERTS);
    }
    if (features.admin()) {
      lines(text, prefix, ADMIN);
    }
    text.append("- **").append(prefix).append("help**: this list.\n\n");
    text.append("Example: **").append(prefix).append("How do we know our model is drifting?**");
    return text.toString();
  }

  /** What {@code audit} understands, for a word it does not know. */
  public static String auditUsage(String prefix) {
    StringBuilder text = new StringBuilder("Audit commands:\n");
    lines(text, prefix, AUDITS);
    return text.toString().strip();
  }

  /** What {@code admin} understands, for a word it does not know. */
  public static String adminUsage(String prefix) {
    StringBuilder text = new StringBuilder("Admin commands:\n");
    lines(text, prefix, ADMIN);
    return text.toString().strip();
  }

  private static void lines(StringBuilder text, String prefix, List<Line> lines) {
    for (Line line : lines) {
      text.append("- **")
          .append(prefix)
          .append(line.usage())
          .append("**")
          .append(line.arguments())
          .append(": ")
          .append(line.description())
          .append('\n');
    }
  }
}
