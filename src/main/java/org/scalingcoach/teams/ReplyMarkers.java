package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.scalingcoach.delivery.DeliveryScope;

/**
 * The mark each card the coach posts for a delivery carries, so the message can be told apart when
 * the chat is read back after a crash: an element id, derived from the delivery and the message's
 * position in its reply, on the card's first element. Ids are part of every Adaptive Card version
 * and are not shown; Teams keeps the card as sent, so Graph returns the mark with it.
 */
final class ReplyMarkers {
  private ReplyMarkers() {}

  /** The mark of message {@code index} of the delivery with {@code key} on {@code platform}. */
  static String of(String platform, String workspace, String key, int index) {
    return DeliveryScope.mark(platform, workspace, key, index);
  }

  /**
   * {@code activity} with {@code mark} on its card, when it carries one whose first element has no
   * id yet (a copy: the caller's activity is left as it was); otherwise {@code activity} unchanged
   * and empty.
   */
  static Optional<ObjectNode> marked(ObjectNode activity, String mark) {
    JsonNode attachment = activity.path("attachments").path(0);
    if (!TeamsCards.CONTENT_TYPE.equals(attachment.path("contentType").asText())) {
      return Optional.empty();
    }
    JsonNode first = attachment.path("content").path("body").path(0);
    if (!first.isObject() || first.has("id")) {
      return Optional.empty();
    }
    ObjectNode copy = activity.deepCopy();
    ((ObjectNode) copy.path("attachments").path(0).path("content").path("body").path(0))
        .put("id", mark);
    return Optional.of(copy);
  }

  /** True when a card's JSON, as Graph returns it (a string), carries {@code mark}. */
  static boolean carries(String cardJson, String mark) {
    return cardJson != null && cardJson.contains("\"" + mark + "\"");
  }
}
