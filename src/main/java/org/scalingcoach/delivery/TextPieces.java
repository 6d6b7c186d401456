package org.scalingcoach.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * Text too long for one message (or one block of it) cut into pieces a platform accepts, for every
 * adapter: each piece at most so many characters, cut after the last paragraph break that fits,
 * else the last line break, else the last space, else at the limit. The pieces put together are the
 * text exactly, so an export stays byte for byte what it was.
 */
public final class TextPieces {
  private static final String[] BREAKS = {"\n\n", "\n", " "};

  private TextPieces() {}

  /** {@code text} in pieces of at most {@code max} characters; none for an empty text. */
  public static List<String> split(String text, int max) {
    if (max < 2) {
      throw new IllegalArgumentException("a piece holds at least two characters");
    }
    List<String> pieces = new ArrayList<>();
    String rest = text;
    while (rest.length() > max) {
      int cut = max;
      for (String separator : BREAKS) {
        int at = rest.lastIndexOf(separator, max - separator.length());
        if (at > 0) {
          cut = at + separator.length();
          break;
        }
      }
      pieces.add(rest.substring(0, cut));
      rest = rest.substring(cut);
    }
    if (!rest.isEmpty()) {
      pieces.add(rest);
    }
    return pieces;
  }
}
