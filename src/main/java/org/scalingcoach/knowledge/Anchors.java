package org.scalingcoach.knowledge;

import java.util.Locale;

/** Turns a heading into the anchor used in cross-links, the way GitHub does. */
public final class Anchors {
  private Anchors() {}

  /** "Warning signs: data won't scale" becomes {@code warning-signs-data-wont-scale}. */
  public static String of(String heading) {
    String lower = heading.strip().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '-') {
        out.append(c);
      } else if (c == ' ') {
        out.append('-');
      }
    }
    return out.toString();
  }
}
