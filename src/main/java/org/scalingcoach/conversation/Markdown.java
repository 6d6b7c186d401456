package org.scalingcoach.conversation;

import java.util.regex.Pattern;

/** Markdown helpers for the words the core writes around what people typed. */
public final class Markdown {
  private Markdown() {}

  private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]#|~])");

  /**
   * {@code text} (an audit subject, a question) as literal Markdown: its emphasis, code, link and
   * list characters are escaped, so it shows as typed on every platform.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    return SPECIAL.matcher(text).replaceAll("\\\\$1");
  }

  /** The scheme of a mention link: {@code [label](coach-mention:userId)}. */
  public static final String MENTION = "coach-mention:";

  /**
   * {@code markdown} written by someone other than the core (an answer, an expert's words) with any
   * mention link broken, so only the core can mention a person.
   */
  public static String withoutMentions(String markdown) {
    return markdown == null ? "" : markdown.replace(MENTION, "coach-mention\u200b:");
  }

  /**
   * {@code person} in words: "you", or a mention a renderer shows its platform's way (a Slack
   * mention, the label where names are not mentions).
   */
  public static String person(Reply.Person person) {
    if (person.you()) {
      return "you";
    }
    return "[" + escape(person.label()) + "](" + MENTION + person.userId() + ")";
  }
}
