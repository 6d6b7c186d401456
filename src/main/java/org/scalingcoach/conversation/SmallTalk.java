package org.scalingcoach.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A message that is only social (a hello, a thanks, an "ok", a goodbye) is not a question: it gets
 * a short friendly reply instead of "I don't have anything reliable on that", and, never asked, it
 * does not land among the questions admins see as unanswered. Only a whole message counts: "thanks!
 * btw what's the wifi password?" is a question, and is read as one.
 */
final class SmallTalk {
  /** What a social message is, by the first word of it that says so. */
  private enum Kind {
    HELLO,
    THANKS,
    OKAY,
    BYE
  }

  /** The words that make a message social, each with what it says. */
  private static final Map<String, Kind> SAYS =
      Map.ofEntries(
          Map.entry("hi", Kind.HELLO),
          Map.entry("hello", Kind.HELLO),
          Map.entry("hey", Kind.HELLO),
          Map.entry("hiya", Kind.HELLO),
          Map.entry("howdy", Kind.HELLO),
          Map.entry("morning", Kind.HELLO),
          Map.entry("afternoon", Kind.HELLO),
          Map.entry("evening", Kind.HELLO),
          Map.entry("thanks", Kind.THANKS),
          Map.entry("thank", Kind.THANKS),
          Map.entry("thx", Kind.THANKS),
          Map.entry("ty", Kind.THANKS),
          Map.entry("cheers", Kind.THANKS),
          Map.entry("appreciated", Kind.THANKS),
          Map.entry("ok", Kind.OKAY),
          Map.entry("okay", Kind.OKAY),
          Map.entry("k", Kind.OKAY),
          Map.entry("got", Kind.OKAY),
          Map.entry("cool", Kind.OKAY),
          Map.entry("great", Kind.OKAY),
          Map.entry("nice", Kind.OKAY),
          Map.entry("perfect", Kind.OKAY),
          Map.entry("awesome", Kind.OKAY),
          Map.entry("helpful", Kind.OKAY),
          Map.entry("bye", Kind.BYE),
          Map.entry("goodbye", Kind.BYE));

  /** Words that may stand beside those without making the message anything else. */
  private static final Set<String> AROUND =
      Set.of(
          "good", "you", "so", "very", "much", "a", "lot", "many", "it", "that", "sounds", "see",
          "later", "again", "all", "there", "coach", "scaling", "team", "folks", "really", "super",
          "thats", "that's", "was", "is", "makes", "sense", "the");

  private static final int MAX_WORDS = 6;

  private SmallTalk() {}

  /** The reply to {@code text} when it is only social, with {@code prefix} for the greeting. */
  static Optional<Reply> reply(String text, String prefix) {
    List<String> words =
        Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+"))
            .filter(w -> !w.isEmpty())
            .toList();
    if (words.isEmpty() || words.size() > MAX_WORDS || text.contains("?")) {
      return Optional.empty();
    }
    Kind kind = null;
    for (String word : words) {
      Kind says = SAYS.get(word);
      if (says == null && !AROUND.contains(word)) {
        return Optional.empty();
      }
      if (kind == null) {
        kind = says;
      }
    }
    if (kind == null) {
      return Optional.empty();
    }
    return Optional.of(
        switch (kind) {
          case HELLO -> Welcome.greeting(prefix);
          case THANKS ->
              Reply.text("You're welcome! Ask me another question whenever you need to.");
          case OKAY -> Reply.text("Glad to help. Ask me anything else about scaling AI.");
          case BYE -> Reply.text("Bye for now! I'm here whenever you have a question.");
        });
  }
}
