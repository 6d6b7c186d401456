package org.scalingcoach.slack;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a reply without a mention, in a channel thread the coach answered, is meant for
 * the coach. Colleagues talking to each other under an answer must not get a lecture from the bot.
 */
final class ThreadFollowUps {
  private static final Pattern USER_MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");
  private static final Set<String> QUESTION_WORDS =
      Set.of(
          "what", "why", "how", "when", "where", "who", "whom", "whose", "which", "can", "could",
          "should", "would", "will", "is", "are", "do", "does", "did");

  /** Openers skipped before looking for the question word: "and how often...", "ok, what if". */
  private static final Set<String> OPENERS =
      Set.of("and", "but", "so", "ok", "okay", "then", "also");

  private ThreadFollowUps() {}

  /**
   * True when the reply is for the coach: it is not addressed to another person, and either the
   * author asked the coach in this thread before or the reply reads as a question.
   */
  static boolean forTheCoach(String text, String author, Set<String> askers, String botUserId) {
    if (text == null || addressedToSomeoneElse(text, botUserId)) {
      return false;
    }
    return askers.contains(author) || readsAsQuestion(text);
  }

  static boolean addressedToSomeoneElse(String text, String botUserId) {
    Matcher mention = USER_MENTION.matcher(text);
    while (mention.find()) {
      if (!mention.group(1).equals(botUserId)) {
        return true;
      }
    }
    return false;
  }

  static boolean readsAsQuestion(String text) {
    String plain = IncomingText.question(text, null);
    if (plain.endsWith("?")) {
      return true;
    }
    for (String word : plain.toLowerCase(Locale.ROOT).split("[^a-z']+")) {
      if (word.isEmpty() || OPENERS.contains(word)) {
        continue;
      }
      return QUESTION_WORDS.contains(word);
    }
    return false;
  }
}
