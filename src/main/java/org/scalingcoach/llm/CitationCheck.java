package org.scalingcoach.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what a model wrote against the sources it was given: keeps citations to those sources,
 * renumbered by first use, drops any others, and notices when the model declined to answer.
 */
final class CitationCheck {
  static final String DECLINE_TOKEN = "NO_ANSWER";
  private static final Pattern MARKER = Pattern.compile(" ?\\[(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)]");
  private static final Pattern INCOMPLETE_MARKER = Pattern.compile(" ?\\[[\\d,\\s]*$");
  private static final List<String> DECLINES =
      List.of(
          "i don't know",
          "i do not know",
          "i don’t know",
          "the sources do not",
          "the sources don't",
          "i cannot answer",
          "i can't answer");

  private CitationCheck() {}

  /**
   * The checked reply.
   *
   * @param markdown the text with only valid citations, numbered 1..k by first use
   * @param cited the original source numbers (1-based) behind the new numbers, in order
   * @param declined whether the model said the sources do not answer the question
   */
  record Checked(String markdown, List<Integer> cited, boolean declined) {}

  static Checked check(String reply, int sourceCount) {
    String text = reply.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    boolean declined =
        text.contains(DECLINE_TOKEN) || DECLINES.stream().anyMatch(lower::startsWith);
    List<Integer> cited = new ArrayList<>();
    Matcher m = MARKER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      StringBuilder replacement = new StringBuilder();
      for (String part : m.group(1).split(",")) {
        int number = Integer.parseInt(part.strip());
        if (number < 1 || number > sourceCount) {
          continue;
        }
        if (!cited.contains(number)) {
          cited.add(number);
        }
        String marker = "[" + (cited.indexOf(number) + 1) + "]";
        if (replacement.indexOf(marker) < 0) {
          replacement.append(marker);
        }
      }
      String kept =
          replacement.isEmpty() ? "" : (m.group().startsWith(" ") ? " " : "") + replacement;
      m.appendReplacement(out, Matcher.quoteReplacement(kept));
    }
    m.appendTail(out);
    return new Checked(out.toString().strip(), List.copyOf(cited), declined);
  }

  /**
   * What to show of a reply still being written: checked like a whole reply, without a citation
   * marker that is only half written, and nothing while the reply may be the decline token.
   */
  static String partial(String prefix, int sourceCount) {
    String stripped = prefix.stripLeading();
    if (DECLINE_TOKEN.startsWith(stripped) || stripped.startsWith(DECLINE_TOKEN)) {
      return "";
    }
    String complete = INCOMPLETE_MARKER.matcher(prefix).replaceFirst("");
    return check(complete, sourceCount).markdown();
  }

  /** The text without any citation markers. */
  static String stripMarkers(String text) {
    return MARKER.matcher(text).replaceAll("");
  }

  /** True when the reply repeats a sentence of the rules it was given. */
  static boolean leaks(String reply, String systemPrompt) {
    String normalisedReply = normalise(reply);
    for (String line : systemPrompt.split("[\\n.]")) {
      String rule = normalise(line);
      if (rule.length() >= 40 && normalisedReply.contains(rule)) {
        return true;
      }
    }
    return false;
  }

  private static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
  }
}
