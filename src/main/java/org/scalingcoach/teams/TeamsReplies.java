package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalingcoach.conversation.Reply;

/** Renders the core's neutral {@link Reply} as an Adaptive Card (1.5). */
final class TeamsReplies {
  private TeamsReplies() {}

  static ObjectNode card(Reply reply) {
    ObjectNode card = TeamsCards.card();
    ArrayNode body = card.withArray("body");
    body.add(TeamsCards.text(TeamsCards.inert(TeamsCards.adaptiveMarkdown(reply.markdown()))));
    for (String notice : reply.notices()) {
      body.add(
          TeamsCards.text(TeamsCards.inert(notice)).put("size", "Small").put("isSubtle", true));
    }
    return card;
  }
}
