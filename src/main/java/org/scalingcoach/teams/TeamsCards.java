package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.conversation.AnswerReplies;
import org.scalingcoach.conversation.Welcome;

/**
 * The coach's messages in Teams as Adaptive Cards (version 1.5, the newest Teams renders): the card
 * itself, the welcome, and short notices; {@link TeamsReplies} renders every reply.
 */
public final class TeamsCards {
  public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  static final String VERSION = "1.5";

  /** The key of card action data that names what the button does. */
  public static final String ACTION = "coach";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TeamsCards() {}

  /** A stored answer (delivered by an expert, previewed in the console), as every answer shows. */
  public static ObjectNode answer(Answer answer) {
    return TeamsReplies.card(AnswerReplies.of(answer, ""));
  }

  /** The greeting when the coach is added to a chat or team. */
  public static ObjectNode welcome() {
    return TeamsReplies.card(Welcome.greeting(""));
  }

  /**
   * User text made inert for a card: a {@code <at>} tag the person typed can never become a mention
   * (the zero-width space breaks the tag; the text reads the same).
   */
  public static String inert(String userText) {
    return userText == null ? "" : userText.replaceAll("(?i)<(/?)(at)([\\s>])", "<$1\u200b$2$3");
  }

  /** A one-line card, for notices such as errors (which may quote what the person typed). */
  public static ObjectNode notice(String message) {
    ObjectNode card = card();
    card.withArray("body").add(text(inert(message)));
    return card;
  }

  /** Adaptive Card text is a small Markdown subset: headings become bold lines. */
  static String adaptiveMarkdown(String markdown) {
    StringBuilder out = new StringBuilder();
    for (String line : markdown.split("\n", -1)) {
      String stripped = line.strip();
      if (stripped.startsWith("#")) {
        out.append("**").append(stripped.replaceFirst("^#+\\s*", "")).append("**");
      } else if (stripped.startsWith("* ")) {
        out.append("- ").append(stripped.substring(2));
      } else {
        out.append(line);
      }
      out.append("\n");
    }
    return out.toString().strip();
  }

  /**
   * A message from the bot ({@code botId}) carrying {@code card} into {@code conversation}, with
   * the summary Teams shows in notifications: what every message the coach sends looks like.
   */
  public static ObjectNode message(String botId, String conversation, ObjectNode card) {
    ObjectNode message = NODES.objectNode();
    message.put("type", "message");
    message.putObject("from").put("id", botId);
    message.putObject("conversation").put("id", conversation);
    message.put("summary", CardSummary.of(card));
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", CONTENT_TYPE);
    attachment.set("content", card);
    return message;
  }

  /** A button whose data comes back as a message's {@code value}. */
  public static ObjectNode submit(String title, ObjectNode data) {
    ObjectNode action = NODES.objectNode();
    action.put("type", "Action.Submit");
    action.put("title", title);
    action.set("data", data);
    return action;
  }

  /** A wrapping text block. */
  public static ObjectNode text(String text) {
    return NODES.objectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
  }

  /** An empty card of the version Teams renders, full width. */
  public static ObjectNode card() {
    ObjectNode card = NODES.objectNode();
    card.put("type", "AdaptiveCard");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("version", VERSION);
    card.putObject("msteams").put("width", "Full");
    card.putArray("body");
    return card;
  }
}
