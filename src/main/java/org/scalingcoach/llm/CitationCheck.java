package org.scalingcoach.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what a model wrote against the sources it was given: keeps citations to those sources,
 * renumbered by first use, drops any others, drops every sentence (or list item) left without a
 * valid citation, and notices when the model declined to answer. A reply still being written is
 * checked the same way, sentence by sentence as each one ends.
 */
final class CitationCheck {
  static final String DECLINE_TOKEN = "NO_ANSWER";
  private static final Pattern MARKER = Pattern.compile(" ?\\[(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)]");
  private static final Pattern LEADING_MARKERS =
      Pattern.compile("^[ \\t]*(?:\\[\\d{1,3}(?:\\s*,\\s*\\d{1,3})*][ \\t]*)+[.!?]?");
  private static final Pattern HALF_WRITTEN_MARKER = Pattern.compile("\\s*\\[[\\d,\\s]*");
  private static final Pattern WORD_THEN_MARKER = Pattern.compile("(?<=[\\p{L}\\p{N}])\\[(?=\\d)");
  private static final Set<String> ABBREVIATIONS =
      Set.of("e.g", "i.e", "etc", "vs", "cf", "approx", "incl", "eg", "ie");
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
   * @param markdown the cited sentences, with only valid citations numbered 1..k by first use
   * @param cited the original source numbers (1-based) behind the new numbers, in order
   * @param declined whether the model said the sources do not answer the question
   * @param dropped how many sentences were left out for want of a valid citation
   */
  record Checked(String markdown, List<Integer> cited, boolean declined, int dropped) {}

  /** Checks a whole reply. */
  static Checked check(String reply, int sourceCount) {
    return check(reply, sourceCount, true);
  }

  /**
   * What may be shown of a reply still being written: its finished sentences, checked like a whole
   * reply; nothing while the reply may be the decline token.
   */
  static Checked preview(String prefix, int sourceCount) {
    return check(prefix, sourceCount, false);
  }

  private static Checked check(String reply, int sourceCount, boolean whole) {
    String text = reply.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    if (text.contains(DECLINE_TOKEN) || DECLINES.stream().anyMatch(lower::startsWith)) {
      return new Checked("", List.of(), true, 0);
    }
    if (!whole && DECLINE_TOKEN.startsWith(text)) {
      return new Checked("", List.of(), false, 0); // it may still become the decline token
    }
    List<Integer> cited = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    int dropped = 0;
    for (Unit unit : units(text, whole)) {
      String kept = renumber(unit.text(), sourceCount, cited);
      if (kept != null) {
        out.append(kept).append(unit.separator());
      } else {
        dropped++;
        // keep the line or paragraph break the dropped unit ended with
        String breakAfter = unit.separator().contains("\n\n") ? "\n\n" : "\n";
        if (unit.separator().contains("\n") && out.length() > 0) {
          String trimmed = out.toString().stripTrailing();
          String had = out.substring(trimmed.length());
          if (!had.contains(breakAfter)) {
            out.setLength(trimmed.length());
            out.append(breakAfter);
          }
        }
      }
    }
    String markdown = out.toString().replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
    return new Checked(markdown.strip(), List.copyOf(cited), false, dropped);
  }

  /**
   * The unit's text with invalid markers removed and valid ones renumbered, or null when no valid
   * citation is left in it. Only a unit with a valid citation adds numbers to {@code cited}.
   */
  private static String renumber(String unit, int sourceCount, List<Integer> cited) {
    Matcher m = MARKER.matcher(unit);
    StringBuilder out = new StringBuilder();
    boolean anyValid = false;
    while (m.find()) {
      StringBuilder replacement = new StringBuilder();
      for (String part : m.group(1).split(",")) {
        int number = Integer.parseInt(part.strip());
        if (number < 1 || number > sourceCount) {
          continue;
        }
        anyValid = true;
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
    // "drift [9][1]" loses the space with the invalid marker: give it back to the valid one
    return anyValid ? WORD_THEN_MARKER.matcher(out).replaceAll(" [") : null;
  }

  /** A sentence or list item and the whitespace after it. */
  private record Unit(String text, String separator) {}

  /**
   * Splits text into sentences and list items. A line ending in a colon belongs to what follows it.
   * Without {@code whole}, a last unit that may still grow is left out.
   */
  private static List<Unit> units(String text, boolean whole) {
    List<Unit> units = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      int end = -1;
      if (c == '\n') {
        end = i;
      } else if ((c == '.' || c == '!' || c == '?')
          && i + 1 < n
          && Character.isWhitespace(text.charAt(i + 1))
          && !abbreviation(text, start, i)) {
        end = i + 1;
        Matcher markers = LEADING_MARKERS.matcher(text.substring(end));
        if (markers.find()) {
          end += markers.end();
        }
        if (!whole && HALF_WRITTEN_MARKER.matcher(text.substring(end)).matches()) {
          break; // the citation of this sentence is still being written
        }
      }
      if (end < 0) {
        i++;
        continue;
      }
      int next = end;
      while (next < n && Character.isWhitespace(text.charAt(next))) {
        next++;
      }
      String unit = text.substring(start, end).strip();
      if (unit.endsWith(":") && text.substring(end, next).contains("\n")) {
        i = next; // a lead-in: it stands or falls with the line after it
        continue;
      }
      if (!unit.isEmpty()) {
        units.add(new Unit(unit, text.substring(end, next)));
      }
      start = next;
      i = next;
    }
    if (whole && start < n && !text.substring(start).isBlank()) {
      units.add(new Unit(text.substring(start).strip(), ""));
    }
    return units;
  }

  private static boolean abbreviation(String text, int unitStart, int stop) {
    int wordStart = stop;
    while (wordStart > unitStart && !Character.isWhitespace(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    String word = text.substring(wordStart, stop).toLowerCase(Locale.ROOT).replace("(", "");
    return ABBREVIATIONS.contains(word);
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
