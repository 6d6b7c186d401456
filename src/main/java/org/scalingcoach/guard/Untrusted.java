package org.scalingcoach.guard;

/**
 * Untrusted values (ids, key ids, channel ids, text from a request) made safe for one log line:
 * control characters escaped, so a value can never start a line of its own, and long values cut.
 */
public final class Untrusted {
  /** Characters of an untrusted value kept in a log line; the rest is summarised. */
  public static final int MAX_LOG_CHARS = 200;

  private Untrusted() {}

  /** {@code value} escaped and cut to {@link #MAX_LOG_CHARS}, or {@code null} as "null". */
  public static String forLog(Object value) {
    return forLog(value, MAX_LOG_CHARS);
  }

  static String forLog(Object value, int maxChars) {
    if (value == null) {
      return "null";
    }
    String text = value.toString();
    int keep = Math.min(text.length(), maxChars);
    StringBuilder out = new StringBuilder(keep + 24);
    escape(text, keep, out);
    if (keep < text.length()) {
      out.append("…(").append(text.length()).append(" chars)");
    }
    return out.toString();
  }

  /** The whole of {@code text} on one line, for a log message assembled from several values. */
  public static String oneLine(String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      if (needsEscape(text.charAt(i))) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, text.length(), out);
        return out.toString();
      }
    }
    return text;
  }

  private static void escape(String text, int length, StringBuilder out) {
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\0' -> out.append("\\0");
        default -> {
          if (needsEscape(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  /** Control characters, and the Unicode line and paragraph separators and bidi overrides. */
  private static boolean needsEscape(char c) {
    return c < 0x20
        || c == 0x7f
        || (c >= 0x80 && c < 0xa0)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
