package org.scalingcoach.guard;

/**
 * The longest text kept in a row (questions, turns): a transport cap so that a pasted megabyte
 * cannot grow the database. Longer text is cut and marked.
 */
public final class StoredText {
  /** Characters of one stored text; Slack's own message limit is 40,000. */
  public static final int MAX_CHARS = 10_000;

  private StoredText() {}

  /** {@code text} as stored: whole when short enough, else its start and a marker. */
  public static String cap(String text) {
    if (text == null || text.length() <= MAX_CHARS) {
      return text;
    }
    int end = MAX_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split an emoji in half
    }
    return text.substring(0, end) + "…[cut at " + MAX_CHARS + " characters]";
  }
}
