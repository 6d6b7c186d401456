package org.scalingcoach.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the text of a Slack message into the plain question the coach answers. */
final class IncomingText {
  private static final Pattern LABELLED = Pattern.compile("<([@#!]?)[^<>|]*\\|([^<>]*)>");
  private static final Pattern BARE = Pattern.compile("<([^<>|]*)>");
  private static final Pattern USER_MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");

  private IncomingText() {}

  /** Drops mentions of the bot, keeps link and channel labels, and undoes Slack's escaping. */
  static String question(String text, String botUserId) {
    if (text == null) {
      return "";
    }
    String cleaned = botUserId == null ? text : text.replace("<@" + botUserId + ">", " ");
    Matcher labelled = LABELLED.matcher(cleaned);
    cleaned = labelled.replaceAll(m -> Matcher.quoteReplacement(prefix(m.group(1)) + m.group(2)));
    Matcher bare = BARE.matcher(cleaned);
    cleaned =
        bare.replaceAll(
            m -> {
              String inner = m.group(1);
              return Matcher.quoteReplacement(inner.startsWith("@") ? "someone" : inner);
            });
    return cleaned
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** Whether {@code text} mentions a person other than the bot. */
  static boolean addressedToSomeoneElse(String text, String botUserId) {
    Matcher mention = USER_MENTION.matcher(text == null ? "" : text);
    while (mention.find()) {
      if (!mention.group(1).equals(botUserId)) {
        return true;
      }
    }
    return false;
  }

  private static String prefix(String sigil) {
    return "#".equals(sigil) ? "#" : "";
  }
}
