package org.scalingcoach.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalingcoach.retrieval.Hit;

/**
 * A question that names one item of a numbered series ("the first lesson", "lesson 4", "step two")
 * is answered by the section whose heading opens with that item ("Lesson four: ..."), which the
 * texts' similarity cannot tell apart from its siblings.
 */
final class NumberedHeading {
  private static final Map<String, Integer> NUMBERS =
      Map.ofEntries(
          Map.entry("one", 1),
          Map.entry("first", 1),
          Map.entry("1st", 1),
          Map.entry("two", 2),
          Map.entry("second", 2),
          Map.entry("2nd", 2),
          Map.entry("three", 3),
          Map.entry("third", 3),
          Map.entry("3rd", 3),
          Map.entry("four", 4),
          Map.entry("fourth", 4),
          Map.entry("4th", 4),
          Map.entry("five", 5),
          Map.entry("fifth", 5),
          Map.entry("5th", 5),
          Map.entry("six", 6),
          Map.entry("sixth", 6),
          Map.entry("6th", 6),
          Map.entry("seven", 7),
          Map.entry("seventh", 7),
          Map.entry("7th", 7),
          Map.entry("eight", 8),
          Map.entry("eighth", 8),
          Map.entry("8th", 8),
          Map.entry("nine", 9),
          Map.entry("ninth", 9),
          Map.entry("9th", 9),
          Map.entry("ten", 10),
          Map.entry("tenth", 10),
          Map.entry("10th", 10));

  private static final String NUMBER =
      "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|1st|2nd|3rd|[4-9]th|10th"
          + "|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)";

  /** "lesson 4", "step two" */
  private static final Pattern NOUN_NUMBER = Pattern.compile("\\b([a-z]{3,})\\s+" + NUMBER + "\\b");

  private static final String ORDINAL =
      "\\b(1st|2nd|3rd|[4-9]th|10th|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
          + "|tenth)\\s+";

  /**
   * "the first lesson", and "the second next step": an ordinal, perhaps a word that names the
   * series (it must then occur in the heading or its document's title: "the first governance step"
   * is not the first of the "next steps"), then the noun.
   */
  private static final List<Pattern> ORDINAL_NOUN =
      List.of(
          Pattern.compile(ORDINAL + "()([a-z]{3,})\\b"),
          Pattern.compile(ORDINAL + "([a-z]+)\\s+([a-z]{3,})\\b"));

  /** Words before a number that make it a count rather than an item's number. */
  private static final Set<String> COUNTING =
      Set.of(
          "the", "all", "our", "these", "those", "their", "your", "its", "any", "and", "are",
          "with", "for", "top", "about", "over", "under", "than");

  /**
   * How far below the leading section the named item may score in a longer question: "the first
   * step for getting our models monitored" asks where to begin with monitoring, which the
   * monitoring step answers far better than step one does.
   */
  private static final double REACH = 0.15;

  /** At most this many words, and a question is about the item it names. */
  private static final int TERSE_WORDS = 6;

  private NumberedHeading() {}

  /**
   * The position in {@code hits} of the one section whose heading opens with the item {@code query}
   * names, or -1 when the query names none, several sections' headings match, or the one that
   * matches scores far below the leading section.
   */
  static int named(List<Hit> hits, String query) {
    Set<String> asked = items(query.toLowerCase(Locale.ROOT), false);
    if (asked.isEmpty()) {
      return -1;
    }
    // a question that says little besides the item ("lesson 4?") is about the item, however its
    // few words score
    boolean terse = query.strip().split("\\s+").length <= TERSE_WORDS;
    int found = -1;
    for (int i = 0; i < hits.size(); i++) {
      String title = hits.get(i).section().heading().toLowerCase(Locale.ROOT);
      Set<String> heading = items(title, true);
      Set<String> context =
          new HashSet<>(
              List.of(
                  (title + " " + hits.get(i).section().documentTitle().toLowerCase(Locale.ROOT))
                      .split("[^a-z0-9]+")));
      for (String item : List.copyOf(heading)) {
        context.forEach(word -> heading.add(item + "@" + word));
      }
      heading.retainAll(asked);
      if (!heading.isEmpty() && (terse || hits.get(i).score() >= hits.get(0).score() - REACH)) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  /**
   * The numbered items {@code text} names, as "noun#number"; for a heading only the item it opens
   * with ("Lesson one: ...", "First step: ...").
   */
  private static Set<String> items(String text, boolean openingOnly) {
    Set<String> out = new HashSet<>();
    Matcher nounNumber = NOUN_NUMBER.matcher(text);
    while (nounNumber.find()) {
      if (!openingOnly || nounNumber.start() == 0) {
        add(out, nounNumber.group(1), nounNumber.group(2), "");
      }
    }
    for (Pattern pattern : ORDINAL_NOUN) {
      Matcher ordinalNoun = pattern.matcher(text);
      while (ordinalNoun.find()) {
        String noun = ordinalNoun.group(3);
        String series = ordinalNoun.group(2);
        // "the first steps" are the early ones, not step one
        boolean plural = noun.endsWith("s") && !noun.endsWith("ss");
        if ((!openingOnly || ordinalNoun.start() == 0) && !plural) {
          add(out, noun, ordinalNoun.group(1), series);
        }
      }
    }
    return out;
  }

  private static void add(Set<String> out, String noun, String number, String series) {
    if (COUNTING.contains(noun)) {
      return; // "the four errors" counts them, it names none
    }
    Integer value = NUMBERS.get(number);
    if (value == null) {
      try {
        value = Integer.parseInt(number);
      } catch (NumberFormatException e) {
        return;
      }
    }
    String singular =
        noun.endsWith("s") && noun.length() > 3 ? noun.substring(0, noun.length() - 1) : noun;
    out.add(singular + "#" + value + (series.isEmpty() ? "" : "@" + series));
  }
}
