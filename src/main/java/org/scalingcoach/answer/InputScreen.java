package org.scalingcoach.answer;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.scalingcoach.knowledge.Topic;

/**
 * Catches what is not a question the knowledge base could answer before anything is retrieved:
 * nothing, emoji, a link, a pasted stack trace or log, a wall of text, another language. Each gets
 * a short reply saying what the coach can do instead.
 */
final class InputScreen {
  /** Longest question read; longer messages are refused and stored cut to this length. */
  static final int MAX_CHARS = 2_000;

  private static final Pattern URL =
      Pattern.compile("^<?(https?://|www\\.)\\S+>?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TRACE_LINE =
      Pattern.compile(
          "^\\s*(at [\\w.$<>]+\\(.*\\)|\\.\\.\\. \\d+ more|Caused by: .*|Traceback \\(most recent"
              + " call last\\):|File \".*\", line \\d+.*)$");
  private static final Pattern LOG_LINE =
      Pattern.compile(
          "^\\s*\\[?\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}.*|^\\s*\\d{2}:\\d{2}:\\d{2}[.,]\\d+\\s.*"
              + "|^\\s*(ERROR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL)\\b.*");

  /** A stack frame inside a line, as a trace pasted on one line (a chat client's copy) has them. */
  private static final Pattern INLINE_FRAME =
      Pattern.compile("\\bat [\\w.$<>]+\\([\\w.$ ]*(?::\\d+)?\\)");

  /** A message that opens with a fully qualified exception or error, as a pasted trace does. */
  private static final Pattern THROWN =
      Pattern.compile(
          "^(?:Exception in thread \"[^\"]*\" )?(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*"
              + "(?:Exception|Error|Throwable)\\b.*",
          Pattern.DOTALL);

  private static final List<String> EXAMPLES =
      List.of(
          "How do we know our model is drifting?",
          "What should we check in our data before scaling?",
          "How do we get employees to actually use the AI tool?");

  private InputScreen() {}

  /** The reply for a message that is not a question to retrieve for, if it is one. */
  static Optional<Answer> check(String text) {
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      return reply(stripped, "Ask me a question about scaling AI, for example:" + examples());
    }
    if (stripped.length() > MAX_CHARS) {
      return reply(
          stripped.substring(0, MAX_CHARS),
          String.format(
              "That message is %,d characters long; I read questions of up to %,d. Ask it in a"
                  + " sentence or two, for example:%s",
              stripped.length(), MAX_CHARS, examples()));
    }
    if (stripped.codePoints().noneMatch(Character::isLetterOrDigit)) {
      return reply(
          stripped,
          "I can only read questions written in words. Try asking, for example:" + examples());
    }
    if (URL.matcher(stripped).matches()) {
      return reply(
          stripped,
          "I can't open links. Tell me in a sentence what you'd like to know, for example:"
              + examples());
    }
    if (looksLikeTraceOrLog(stripped)) {
      return reply(
          stripped,
          "That looks like a stack trace or a log. I can't debug code or read logs; I answer"
              + " questions about scaling AI in your company, for example:"
              + examples());
    }
    Optional<String> language = Languages.nonEnglish(stripped);
    if (language.isPresent()) {
      StringBuilder reply =
          new StringBuilder(
              "Sorry, I can only answer in English for now. Please ask again in English; I can"
                  + " help with:\n");
      for (Topic topic : Topic.values()) {
        reply.append("\n- ").append(topic.label());
      }
      return Optional.of(new Answer(stripped, false, null, reply.toString(), List.of(), EXAMPLES));
    }
    return Optional.empty();
  }

  private static boolean looksLikeTraceOrLog(String text) {
    if (INLINE_FRAME.matcher(text).results().limit(2).count() >= 2
        || (THROWN.matcher(text).matches() && INLINE_FRAME.matcher(text).find())
        || text.contains("Traceback (most recent call last):")) {
      return true;
    }
    String[] lines = text.split("\\R");
    int trace = 0;
    int log = 0;
    for (String line : lines) {
      if (TRACE_LINE.matcher(line).matches()) {
        trace++;
      } else if (LOG_LINE.matcher(line).matches()) {
        log++;
      }
    }
    return trace >= 2 || log >= 2 || (lines.length >= 2 && trace + log >= lines.length / 2.0);
  }

  private static String examples() {
    StringBuilder out = new StringBuilder();
    EXAMPLES.forEach(e -> out.append("\n- ").append(e));
    return out.toString();
  }

  private static Optional<Answer> reply(String question, String markdown) {
    return Optional.of(new Answer(question, false, null, markdown, List.of(), EXAMPLES));
  }
}
