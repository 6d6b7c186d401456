package org.scalingcoach.conversation;

import java.util.Locale;

/**
 * The words the coach understands, the same on every platform: {@code help}, {@code audit …},
 * {@code admin …}, {@code my questions}, and anything else is a question. Slack users type them
 * after {@code /coach}, Teams users as a message; the adapter strips its prefix or mention first.
 */
public sealed interface Command {

  /** {@code help}, or nothing at all. */
  record Help() implements Command {}

  /** Any other text: a question to answer. */
  record Question(String text) implements Command {}

  /** {@code audit [verb] [arguments]}. */
  record Audit(AuditVerb verb, String arguments) implements Command {

    /** {@code <audit> <subject>}, as {@code start} and {@code history} take them. */
    public record TypeAndSubject(String type, String subject) {}

    /** The audit type and subject in the arguments, when both are there. */
    public java.util.Optional<TypeAndSubject> typeAndSubject() {
      String[] parts = arguments.strip().split("\\s+", 2);
      return parts.length < 2
          ? java.util.Optional.empty()
          : java.util.Optional.of(new TypeAndSubject(parts[0], parts[1].strip()));
    }

    /**
     * The audit number {@code export} was given ({@code 12} or {@code #12}), or none.
     *
     * @param prefix what people type before a command, for the example in the error
     * @throws org.scalingcoach.audit.AuditException when the arguments are not a number
     */
    public java.util.OptionalLong auditNumber(String prefix) {
      if (arguments.isBlank()) {
        return java.util.OptionalLong.empty();
      }
      try {
        return java.util.OptionalLong.of(Long.parseLong(arguments.strip().replace("#", "")));
      } catch (NumberFormatException e) {
        throw new org.scalingcoach.audit.AuditException(
            org.scalingcoach.audit.AuditException.Reason.INVALID_INPUT,
            "Give the audit number, e.g. \""
                + prefix
                + "audit export 12\", or nothing for your latest.");
      }
    }
  }

  /** {@code admin [verb]}. */
  record Admin(AdminVerb verb) implements Command {}

  /** {@code my questions}: the questions this person asked the experts. */
  record MyQuestions() implements Command {}

  /** What {@code audit} is asked to do; {@link #USAGE} for a word it does not know. */
  enum AuditVerb {
    LIST,
    START,
    EXPORT,
    TEAM,
    HISTORY,
    REMIND,
    USAGE
  }

  /** What {@code admin} is asked to do; {@link #USAGE} for a word it does not know. */
  enum AdminVerb {
    RELOAD,
    INSIGHTS,
    CONSOLE,
    USAGE
  }

  /** Reads typed text; never fails, since anything unknown is a question. */
  static Command parse(String text) {
    String typed = text == null ? "" : text.strip();
    if (typed.isEmpty()) {
      return new Help();
    }
    String[] words = typed.split("\\s+", 3);
    String first = words[0].toLowerCase(Locale.ROOT);
    String second = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "";
    return switch (first) {
      case "help" -> words.length == 1 ? new Help() : new Question(typed);
      case "audit" -> audit(typed.split("\\s+", 2).length > 1 ? typed.split("\\s+", 2)[1] : "");
      case "admin" ->
          new Admin(
              words.length > 2
                  ? AdminVerb.USAGE
                  : switch (second) {
                    case "reload" -> AdminVerb.RELOAD;
                    case "insights" -> AdminVerb.INSIGHTS;
                    case "console" -> AdminVerb.CONSOLE;
                    default -> AdminVerb.USAGE;
                  });
      case "my" ->
          words.length == 2 && second.equals("questions") ? new MyQuestions() : new Question(typed);
      default -> new Question(typed);
    };
  }

  private static Audit audit(String arguments) {
    String[] parts = arguments.strip().split("\\s+", 2);
    String rest = parts.length > 1 ? parts[1].strip() : "";
    AuditVerb verb =
        switch (parts[0].toLowerCase(Locale.ROOT)) {
          case "", "list" -> AuditVerb.LIST;
          case "start" -> AuditVerb.START;
          case "export" -> AuditVerb.EXPORT;
          case "team" -> AuditVerb.TEAM;
          case "history" -> AuditVerb.HISTORY;
          case "remind" -> AuditVerb.REMIND;
          default -> AuditVerb.USAGE;
        };
    return new Audit(verb, rest);
  }
}
