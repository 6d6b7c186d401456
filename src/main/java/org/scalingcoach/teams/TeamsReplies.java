package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.conversation.Turn;

/**
 * Renders the core's neutral {@link Reply} as an Adaptive Card (1.5): text, notices, numbered
 * sources, choices one per row, and buttons in the card's action row. A button's action and token
 * travel as its data ({@link TeamsCards#ACTION} names the action), so the click comes back as the
 * same {@link Turn.Action}.
 */
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
    if (!reply.sources().isEmpty()) {
      body.add(TeamsCards.text("**Sources**").put("spacing", "Medium").put("separator", true));
      for (Reply.Source s : reply.sources()) {
        body.add(
            TeamsCards.text("[" + s.number() + "] " + s.title() + " › " + s.section())
                .put("size", "Small")
                .put("isSubtle", true)
                .put("spacing", "None"));
      }
    }
    // Choices are often long questions, and Teams never wraps a button's title: each is a
    // wrapped line you click, one per row, so the whole text shows on any screen.
    if (reply.choicesHeading() != null) {
      body.add(
          TeamsCards.text("**" + reply.choicesHeading() + "**")
              .put("spacing", "Medium")
              .put("separator", true));
    }
    for (Reply.Button choice : reply.choices()) {
      ObjectNode row = body.addObject().put("type", "Container").put("spacing", "Small");
      row.set("selectAction", TeamsCards.submit(choice.label(), data(choice.action())));
      row.putArray("items")
          .add(TeamsCards.text("➜ " + TeamsCards.inert(choice.label())).put("color", "Accent"));
    }
    ArrayNode actions = card.putArray("actions");
    for (Reply.Button button : reply.buttons()) {
      // Action.Execute: answered in the invoke's response, so the thanks replaces nothing.
      actions
          .addObject()
          .put("type", "Action.Execute")
          .put("title", button.label())
          .put("verb", button.action().name())
          .set("data", data(button.action()));
    }
    return card;
  }

  private static ObjectNode data(Turn.Action action) {
    ObjectNode data = JsonNodeFactory.instance.objectNode().put(TeamsCards.ACTION, action.name());
    action.token().forEach(data::put);
    return data;
  }
}
