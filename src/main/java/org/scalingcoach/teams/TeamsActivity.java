package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.scalingcoach.conversation.ButtonCode;
import org.scalingcoach.conversation.Turn;

/**
 * An incoming Bot Framework activity as Teams sends it, read through the few fields the coach uses.
 */
public final class TeamsActivity {
  private static final Pattern MENTION = Pattern.compile("<at(\\s[^>]*)?>.*?</at>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]+>");

  private final JsonNode json;

  public TeamsActivity(JsonNode json) {
    this.json = json;
  }

  public JsonNode json() {
    return json;
  }

  public String type() {
    return text("type");
  }

  public String id() {
    return text("id");
  }

  public String name() {
    return text("name");
  }

  public String channelId() {
    return text("channelId");
  }

  public String serviceUrl() {
    return text("serviceUrl");
  }

  public String replyToId() {
    return text("replyToId");
  }

  public String conversationId() {
    return json.path("conversation").path("id").asText("");
  }

  /** {@code personal}, {@code groupChat} or {@code channel}. */
  public String conversationType() {
    return json.path("conversation").path("conversationType").asText("personal");
  }

  /** Who else sees the coach's reply here; anything unknown counts as a channel, the widest. */
  public Turn.Kind kind() {
    return switch (conversationType()) {
      case "personal" -> Turn.Kind.PERSONAL;
      case "groupChat" -> Turn.Kind.GROUP;
      default -> Turn.Kind.CHANNEL;
    };
  }

  /** This activity as typed text for the conversation service. */
  public Turn typed(String text) {
    return Turn.typed(
        TeamsBot.PLATFORM, tenantId(), userId(), conversationId(), kind(), replyToId(), text);
  }

  /**
   * This activity as the click of button {@code name}; the card data's text and number fields are
   * the action's token.
   */
  public Turn clicked(String name, JsonNode data) {
    Map<String, String> token = new HashMap<>();
    data.fields()
        .forEachRemaining(
            field -> {
              if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                // A card's second input of one key is "key.2" (TeamsReplies): read as the key.
                String key = field.getKey().replaceFirst("\\.\\d+$", "");
                String value = field.getValue().asText();
                if (key.equals(field.getKey()) || !value.isBlank()) {
                  token.merge(key, value, (earlier, later) -> later.isBlank() ? earlier : later);
                }
              }
            });
    return Turn.clicked(
        TeamsBot.PLATFORM,
        tenantId(),
        userId(),
        conversationId(),
        kind(),
        replyToId(),
        new Turn.Action(name.isBlank() ? ButtonCode.UNKNOWN.name() : name, token));
  }

  /** The Microsoft Entra tenant the activity comes from: the workspace every row is keyed by. */
  public String tenantId() {
    String tenant = json.path("conversation").path("tenantId").asText("");
    if (tenant.isEmpty()) {
      tenant = json.path("channelData").path("tenant").path("id").asText("");
    }
    return tenant;
  }

  /** The user's stable Entra object id when Teams gives it, else their Bot Framework id. */
  public String userId() {
    String aad = json.path("from").path("aadObjectId").asText("");
    return aad.isEmpty() ? json.path("from").path("id").asText("") : aad;
  }

  public String userName() {
    return json.path("from").path("name").asText("");
  }

  public String botId() {
    return json.path("recipient").path("id").asText("");
  }

  /**
   * The card data of an {@code Action.Submit} (on a message) or {@code Action.Execute} (invoke).
   */
  public JsonNode value() {
    return json.path("value");
  }

  /** The message text as the user meant it: mentions of the bot and markup removed. */
  public String plainText() {
    String text = MENTION.matcher(text("text")).replaceAll(" ");
    text = TAG.matcher(text).replaceAll(" ");
    text =
        text.replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    return text.replaceAll("\\s+", " ").strip();
  }

  /** The ids of members added by a {@code conversationUpdate}. */
  public List<String> membersAdded() {
    List<String> ids = new ArrayList<>();
    json.path("membersAdded").forEach(m -> ids.add(m.path("id").asText("")));
    return ids;
  }

  /** People mentioned in the message other than the bot: their Bot Framework ids. */
  public List<String> mentionedUsers() {
    List<String> ids = new ArrayList<>();
    for (JsonNode entity : json.path("entities")) {
      String id = entity.path("mentioned").path("id").asText("");
      if (entity.path("type").asText("").equals("mention")
          && !id.isEmpty()
          && !id.equals(botId())) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * True when the message is for the coach: in a personal chat, a card's button, or a message that
   * mentions the bot. Elsewhere Teams sends a bot only what mentions it, unless the app has the
   * resource-specific consent to read channels and group chats: then it sends every message.
   */
  public boolean addressesTheBot() {
    if (conversationType().equals("personal") || value().hasNonNull(TeamsCards.ACTION)) {
      return true;
    }
    for (JsonNode entity : json.path("entities")) {
      if (entity.path("type").asText("").equals("mention")
          && entity.path("mentioned").path("id").asText("").equals(botId())) {
        return true;
      }
    }
    return false;
  }

  /** The sender's Bot Framework id ({@code 29:...}), which the Connector addresses them by. */
  public String botFrameworkUserId() {
    return json.path("from").path("id").asText("");
  }

  /** A reply from the bot to this activity with text in the given format (markdown or xml). */
  public ObjectNode replyWithText(String textFormat, String text) {
    ObjectNode reply = JsonNodeFactory.instance.objectNode();
    reply.put("type", "message");
    reply.set("from", json.path("recipient").deepCopy());
    reply.set("recipient", json.path("from").deepCopy());
    reply.set("conversation", json.path("conversation").deepCopy());
    reply.put("textFormat", textFormat);
    reply.put("text", text);
    if (!id().isEmpty()) {
      reply.put("replyToId", id());
    }
    return reply;
  }

  /** A reply from the bot to this activity, carrying the given card. */
  public ObjectNode replyWithCard(ObjectNode card) {
    ObjectNode reply = messageWithCard(card);
    if (!id().isEmpty()) {
      reply.put("replyToId", id());
    }
    return reply;
  }

  /** A new message from the bot into this conversation, carrying the given card. */
  public ObjectNode messageWithCard(ObjectNode card) {
    ObjectNode reply = JsonNodeFactory.instance.objectNode();
    reply.put("type", "message");
    reply.set("from", json.path("recipient").deepCopy());
    reply.set("recipient", json.path("from").deepCopy());
    reply.set("conversation", json.path("conversation").deepCopy());
    reply.put("summary", CardSummary.of(card));
    ObjectNode attachment = reply.putArray("attachments").addObject();
    attachment.put("contentType", TeamsCards.CONTENT_TYPE);
    attachment.set("content", card);
    return reply;
  }

  private String text(String field) {
    return json.path(field).asText("");
  }
}
