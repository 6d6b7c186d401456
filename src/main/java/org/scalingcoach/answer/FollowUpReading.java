package org.scalingcoach.answer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how a question relates to the conversation before it: an explicit switch of subject, an
 * elliptical follow-up that only makes sense with the previous question ("and how often?", "who
 * should own that?"), or a question that stands alone.
 */
final class FollowUpReading {
  /** Courtesies before the question itself: "thanks!", "ok,", "great." */
  private static final Pattern COURTESY =
      Pattern.compile(
          "^((thanks|thank you|thx|ok|okay|great|cool|nice|perfect|cheers|got it|right|sure)"
              + "[\\s!.,:;-]*)+",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SWITCH =
      Pattern.compile(
          "^(ok[,.]?\\s+)?(a |on a )?(different thing|another question|another thing|something"
              + " else|switching topics?|changing (the )?(subject|topic)|unrelated|new question"
              + "|different question|new topic|on another note|now about [^:,]+|separate"
              + " question)\\s*[:,.\\-–—]*\\s*",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern CONTINUES =
      Pattern.compile(
          "^(and|also|but|so|then|what about|how about|plus)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern PRONOUN =
      Pattern.compile(
          "\\b(that|it|this|them|those|they|these|there|one)\\b", Pattern.CASE_INSENSITIVE);

  private static final int SHORT_WORDS = 8;

  private FollowUpReading() {}

  /**
   * The question without its switch marker, when it announces a new subject ("ok different thing:
   * how do we plan a load test?").
   */
  static Optional<String> switchedTo(String question) {
    Matcher m = SWITCH.matcher(withoutCourtesy(question));
    if (m.lookingAt() && m.end() < withoutCourtesy(question).length()) {
      return Optional.of(withoutCourtesy(question).substring(m.end()).strip());
    }
    return Optional.empty();
  }

  /**
   * Whether the question leans on the previous one: "and ...", "what about ...", "who owns it?".
   */
  static boolean elliptical(String question) {
    String q = withoutCourtesy(question);
    int words = q.isBlank() ? 0 : q.split("\\s+").length;
    if (CONTINUES.matcher(q).lookingAt()) {
      return true;
    }
    return words <= SHORT_WORDS && (PRONOUN.matcher(q).find() || words <= 3);
  }

  private static String withoutCourtesy(String question) {
    return COURTESY.matcher(question.strip()).replaceFirst("").strip().toLowerCase(Locale.ROOT);
  }
}
