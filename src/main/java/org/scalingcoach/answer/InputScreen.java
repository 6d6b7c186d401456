package org.scalingcoach.answer;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.scalingcoach.knowledge.Topic;

/**
 * Catches what is not a question the knowledge base could answer before anything is retrieved:
 * nothing, emoji, a link, a pasted stack trace or log, a wall of text, another language, and a
 * request for a fact the knowledge base never holds (a vendor's current price, discount or product,
 * who runs a company). Each gets a short reply saying what the coach can do instead.
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

  /** A cloud, model or hardware vendor, or a product of one, named in a question. */
  private static final Pattern VENDOR =
      Pattern.compile(
          "\\b(aws|amazon web services|azure|gcp|google cloud|nvidia|a100s?|h100s?|openai|anthropic"
              + "|databricks|snowflake|ec2|sagemaker|laptops?|macbooks?|thinkpads?)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Asking what something costs today, what a deal is worth, or which product to buy. */
  private static final Pattern PRICE_OR_PICK =
      Pattern.compile(
          "\\bhow much (does|do|is|are|would|will)\\b.*\\b(costs?|charges?|per hour|an hour)"
              + "|\\bwhat('?s|s| is| are) the (current |latest )?(list )?(price|rate)s?\\b"
              + "|\\b(current|latest) (list )?prices?\\b"
              + "|\\bis (our|the|their|this) .*discount\\b.*\\b(better|worse|good|fair)\\b"
              + "|\\bwhich (laptop|gpu|instance|vendor|provider|cloud)s? (should|to|is|do|would)\\b"
              + "|\\brecommend (a|an|me|some|us)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Who runs a company: trivia, not something a company's own knowledge base answers. */
  private static final Pattern EXECUTIVE =
      Pattern.compile(
          "^(\\w+[,!.]? )?who('s| is| are| was) (the )?(current |new )?(ceo|cto|cfo|coo|founder"
              + "|president|chair\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final List<String> COST_EXAMPLES =
      List.of(
          "What goes into a total cost of ownership for AI?",
          "How do we keep GPU and cloud costs under control?",
          "How do we decide if a smaller, cheaper model is good enough?");

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
    if (VENDOR.matcher(stripped).find() && PRICE_OR_PICK.matcher(stripped).find()) {
      return reply(
          stripped,
          "I don't keep vendors' current prices, discounts or product and hardware"
              + " recommendations, so I can't answer that reliably: the vendor's pricing page or"
              + " your procurement team can. I can help you plan and control AI costs, for example:"
              + bullets(COST_EXAMPLES),
          COST_EXAMPLES);
    }
    if (EXECUTIVE.matcher(stripped).find()) {
      return reply(
          stripped,
          "I don't have facts about companies or the people who run them; I answer questions"
              + " about scaling AI in your company, for example:"
              + examples());
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
    return bullets(EXAMPLES);
  }

  private static String bullets(List<String> lines) {
    StringBuilder out = new StringBuilder();
    lines.forEach(e -> out.append("\n- ").append(e));
    return out.toString();
  }

  private static Optional<Answer> reply(String question, String markdown) {
    return reply(question, markdown, EXAMPLES);
  }

  private static Optional<Answer> reply(String question, String markdown, List<String> followUps) {
    return Optional.of(new Answer(question, false, null, markdown, List.of(), followUps));
  }
}
