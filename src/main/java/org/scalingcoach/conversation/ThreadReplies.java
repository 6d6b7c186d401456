package org.scalingcoach.conversation;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a reply without a mention, in a thread the coach answered, is meant for the
 * coach. Colleagues talking to each other under an answer must not get a lecture from the bot.
 */
public final class ThreadReplies {
  private static final Set<String> QUESTION_WORDS =
      Set.of(
          "what", "why", "how", "when", "where", "who", "whom", "whose", "which", "can", "could",
          "should", "would", "will", "is", "are", "do", "does", "did");

  /** Openers skipped before looking for the question word: "and how often...", "ok, what if". */
  private static final Set<String> OPENERS =
      Set.of("and", "but", "so", "ok", "okay", "then", "also");

  private ThreadReplies() {}

  /**
   * True when the reply is for the coach: it is not addressed to another person, and either the
   * author asked the coach in this thread before or the reply reads as a question.
   *
   * @param plainText the reply as plain text (mentions already read by the adapter)
   * @param toSomeoneElse whether the reply mentions a person other than the coach
   * @param askers who asked the coach in this thread
   */
  public static boolean forTheCoach(
      String plainText, boolean toSomeoneElse, String author, Set<String> askers) {
    if (plainText == null || toSomeoneElse) {
      return false;
    }
    return askers.contains(author) || readsAsQuestion(plainText);
  }

  static boolean readsAsQuestion(String plain) {
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
