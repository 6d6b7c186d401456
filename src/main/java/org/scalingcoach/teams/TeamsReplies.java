package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.scalingcoach.conversation.Block;
import org.scalingcoach.conversation.Markdown;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.conversation.Turn;

/**
 * The one Adaptive Card (1.5) renderer: lays out any of the core's {@link Reply}s, block by block.
 * A row of buttons that ends the reply becomes the card's own actions; a list of choices is one
 * clickable, wrapped line each (Teams never wraps a button's title); a button that asks for text
 * opens a small form on the card. A button's action and token travel as its data ({@link
 * TeamsCards#ACTION} names the action), so the click comes back as the same {@link Turn.Action}.
 * Teams refuses a message over about 28 KB: a card beyond {@link #MAX_CARD_BYTES} loses its last
 * parts, saying so.
 */
final class TeamsReplies {
  static final int MAX_CARD_BYTES = 24_000;

  /** The verb of {@code Action.Execute} buttons that belong to "Ask an expert". */
  static final String EXPERT_VERB = "expert";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TeamsReplies() {}

  static ObjectNode card(Reply reply) {
    return new TeamsReplies().render(reply);
  }

  /**
   * How many inputs of each key this card has so far: a card may not repeat an input id (Teams
   * merges every input into the clicked button's data), so the second is {@code key.2}, which
   * {@link TeamsActivity#clicked} reads back as {@code key}.
   */
  private final java.util.Map<String, Integer> inputs = new java.util.HashMap<>();

  private ObjectNode render(Reply reply) {
    ObjectNode card = TeamsCards.card();
    ArrayNode body = card.withArray("body");
    List<Block> content = reply.content();
    boolean separate = false;
    for (int i = 0; i < content.size(); i++) {
      Block block = content.get(i);
      if (block instanceof Block.Divider) {
        separate = true;
        continue;
      }
      int before = body.size();
      if (block instanceof Block.Choices c && c.buttons().isEmpty()) {
        continue;
      }
      if (i == content.size() - 1
          && block instanceof Block.Choices c
          && c.layout() == Block.Layout.ROW
          && c.heading() == null) {
        ArrayNode actions = card.putArray("actions");
        c.buttons().forEach(b -> addAction(actions, b));
      } else {
        render(block, reply, body);
      }
      if (separate && body.size() > before) {
        ((ObjectNode) body.get(before)).put("separator", true).put("spacing", "Medium");
        separate = false;
      }
    }
    if (body.isEmpty()) {
      body.add(TeamsCards.text(text(reply.markdown())));
    }
    return limited(card);
  }

  private void render(Block block, Reply reply, ArrayNode body) {
    if (block instanceof Block.Heading h) {
      body.add(TeamsCards.text("**" + TeamsCards.inert(h.text()) + "**").put("size", "Medium"));
    } else if (block instanceof Block.Text t) {
      body.add(TeamsCards.text(text(t.markdown())));
      if (t.accessory() != null) {
        addAction(body.addObject().put("type", "ActionSet").putArray("actions"), t.accessory());
      }
    } else if (block instanceof Block.Fields f) {
      ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
      f.fields()
          .forEach(
              field ->
                  facts
                      .addObject()
                      .put("title", TeamsCards.inert(field.label()))
                      .put("value", text(field.value())));
    } else if (block instanceof Block.Image image) {
      // Shown at half its pixel width: sharp on high-density screens, never stretched and blurred.
      TeamsImages.dataUri(image.file().content())
          .ifPresent(
              chart ->
                  body.addObject()
                      .put("type", "Image")
                      .put("url", chart.uri())
                      .put("altText", image.file().description())
                      .put("width", chart.pixelWidth() / 2 + "px"));
    } else if (block instanceof Block.Choices c) {
      choices(c, body);
    } else if (block instanceof Block.Context c) {
      body.add(TeamsCards.text(text(c.markdown())).put("size", "Small").put("isSubtle", true));
    } else if (block instanceof Block.Notice n) {
      body.add(TeamsCards.text(text(n.markdown())).put("color", "Warning"));
    } else if (block instanceof Block.Sources s) {
      body.add(TeamsCards.text("**Sources**").put("spacing", "Medium").put("separator", true));
      for (Reply.Source source : s.sources()) {
        body.add(
            TeamsCards.text(
                    TeamsCards.inert(
                        "[" + source.number() + "] " + source.title() + " › " + source.section()))
                .put("size", "Small")
                .put("isSubtle", true)
                .put("spacing", "None"));
      }
    }
  }

  private void choices(Block.Choices choices, ArrayNode body) {
    if (choices.heading() != null) {
      body.add(
          TeamsCards.text("**" + TeamsCards.inert(choices.heading()) + "**")
              .put("spacing", "Medium")
              .put("separator", true));
    }
    if (choices.layout() == Block.Layout.ROW) {
      ArrayNode actions = body.addObject().put("type", "ActionSet").putArray("actions");
      choices.buttons().forEach(b -> addAction(actions, b));
      return;
    }
    for (Reply.Button choice : choices.buttons()) {
      ObjectNode row = body.addObject().put("type", "Container").put("spacing", "Small");
      row.set("selectAction", action(choice.label(), choice));
      ObjectNode line = TeamsCards.text("➜ " + TeamsCards.inert(choice.label()));
      row.putArray("items").add(line.put("color", "Accent"));
      if (choice.style() == Reply.Style.PRIMARY) {
        line.put("weight", "Bolder");
      }
    }
  }

  /** Adds {@code button}, unless it asks for something a card cannot pick (a conversation). */
  private void addAction(ArrayNode actions, Reply.Button button) {
    Reply.Prompt prompt = button.prompt();
    if (prompt == null) {
      actions.add(action(button.label(), button));
    } else if (prompt.kind() == Reply.Prompt.Kind.TEXT) {
      actions.add(form(button, prompt));
    }
  }

  /**
   * The button as a card action: votes and the experts' buttons are answered in the invoke's
   * response (so the answer replaces nothing); the others come back as a message.
   */
  private static ObjectNode action(String title, Reply.Button button) {
    String name = button.action().name();
    ObjectNode data = data(button.action());
    ObjectNode action;
    if (name.equals("feedback") || name.startsWith("expert_")) {
      action = NODES.objectNode().put("type", "Action.Execute").put("title", title);
      action.put("verb", name.equals("feedback") ? name : EXPERT_VERB).set("data", data);
    } else {
      action = TeamsCards.submit(title, data);
    }
    if (button.style() == Reply.Style.PRIMARY) {
      action.put("style", "positive");
    }
    return action;
  }

  /** A button that opens a form on the card for the text its prompt asks, then sends. */
  private ObjectNode form(Reply.Button button, Reply.Prompt prompt) {
    ObjectNode inner = TeamsCards.card();
    inner.remove("msteams");
    ObjectNode input =
        inner
            .withArray("body")
            .addObject()
            .put("type", "Input.Text")
            // Each input needs its own id in the card: Teams merges every input of the card
            // into the clicked button's data.
            .put("id", inputId(prompt.key()))
            .put("label", prompt.label())
            .put("isMultiline", prompt.maxChars() > 200)
            .put("maxLength", prompt.maxChars());
    if (!prompt.hint().isEmpty()) {
      input.put("placeholder", prompt.hint());
    }
    if (!prompt.optional()) {
      input.put("isRequired", true).put("errorMessage", prompt.label());
    }
    inner.putArray("actions").add(action(prompt.submit(), button));
    ObjectNode action = NODES.objectNode();
    action.put("type", "Action.ShowCard");
    action.put("title", button.label());
    action.set("card", inner);
    return action;
  }

  private String inputId(String key) {
    int n = inputs.merge(key, 1, Integer::sum);
    return n == 1 ? key : key + "." + n;
  }

  private static ObjectNode data(Turn.Action action) {
    ObjectNode data = NODES.objectNode().put(TeamsCards.ACTION, action.name());
    action.token().forEach(data::put);
    return data;
  }

  /**
   * The core's Markdown as card text: Adaptive Cards' subset, people's names for mentions, and
   * nothing a person typed can become a Teams mention.
   */
  static String text(String markdown) {
    String named =
        markdown.replaceAll(
            "\\[((?:[^\\]\\\\]|\\\\.)*)\\]\\(" + Markdown.MENTION + "[^)]*\\)", "$1");
    String plain = named.replaceAll("\\\\([\\\\`*_\\[\\]#|~])", "$1");
    // A card joins lines that are not a paragraph or list apart: each line stays a line.
    String lines = plain.replaceAll("(?<!\n)\n(?!\n|\\s*(?:[-*•]|\\d+\\.)\\s)", "\n\n");
    return TeamsCards.inert(TeamsCards.adaptiveMarkdown(lines));
  }

  /** The card, its last body parts dropped while it is too big for a Teams message. */
  private static ObjectNode limited(ObjectNode card) {
    ArrayNode body = card.withArray("body");
    boolean cut = false;
    while (body.size() > 1 && size(card) > MAX_CARD_BYTES) {
      body.remove(body.size() - 1);
      cut = true;
    }
    if (cut) {
      body.add(TeamsCards.text("_(cut: too long for Teams)_").put("isSubtle", true));
    }
    return card;
  }

  private static int size(ObjectNode card) {
    return card.toString().getBytes(StandardCharsets.UTF_8).length;
  }
}
