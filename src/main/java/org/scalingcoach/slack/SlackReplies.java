package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.block.element.ConversationsSelectElement;
import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.conversation.Block;
import org.scalingcoach.conversation.ButtonCode;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.delivery.TextPieces;

/**
 * The one Block Kit renderer: lays out any of the core's {@link Reply}s, block by block, within
 * Slack's limits (50 blocks a message, 3,000 characters a section, 10 fields a section, 75 a
 * button's text, 25 elements an action row). Images are not blocks in Slack, which wants a public
 * URL: the sender uploads the reply's file beside the message. Buttons carry their tokens in the
 * ids and values {@link ButtonCode} writes.
 */
final class SlackReplies {
  /** A section's text may hold 3,000 characters. */
  static final int SECTION_CHARS = 3_000;

  /** A message holds 50 blocks; the rest of a longer reply is cut, saying so. */
  static final int MAX_BLOCKS = 50;

  private static final int BUTTON_LABEL_LIMIT = 75;
  private static final int HEADER_CHARS = 150;
  private static final int FIELD_CHARS = 2_000;
  private static final int FIELDS_PER_SECTION = 10;
  private static final int CONTEXT_ELEMENTS_LIMIT = 10;
  private static final int ELEMENTS_PER_ROW = 25;

  private SlackReplies() {}

  /** The reply as one mrkdwn text, for acknowledgements and notification fallbacks. */
  static String text(Reply reply) {
    return Mrkdwn.fromMarkdown(reply.markdown());
  }

  /** The plain text Slack shows in notifications and to clients without blocks. */
  static String fallbackText(Reply reply) {
    return cut(text(reply), SECTION_CHARS);
  }

  /** The whole reply as blocks, within Slack's limits. */
  static List<LayoutBlock> blocks(Reply reply) {
    return blocks(reply.content(), List.of());
  }

  /**
   * {@code content} as blocks, with {@code more} of the adapter's own elements (such as "Share in
   * channel") added to its last row of buttons, or in a row of their own.
   */
  static List<LayoutBlock> blocks(List<Block> content, List<BlockElement> more) {
    List<LayoutBlock> blocks = new ArrayList<>();
    int lastRow = -1;
    for (int i = 0; i < content.size(); i++) {
      if (content.get(i) instanceof Block.Choices c && c.layout() == Block.Layout.ROW) {
        lastRow = i;
      }
    }
    for (int i = 0; i < content.size(); i++) {
      blocks.addAll(render(content.get(i), i == lastRow ? more : List.of()));
    }
    if (lastRow < 0 && !more.isEmpty()) {
      blocks.add(actions(List.copyOf(more)));
    }
    return limited(blocks);
  }

  private static List<LayoutBlock> render(Block block, List<BlockElement> more) {
    if (block instanceof Block.Heading h) {
      return List.of(header(b -> b.text(plainText(cut(h.text(), HEADER_CHARS), true))));
    }
    if (block instanceof Block.Text t) {
      return text(t);
    }
    if (block instanceof Block.Fields f) {
      return fields(f);
    }
    if (block instanceof Block.Choices c) {
      return choices(c, more);
    }
    if (block instanceof Block.Context c) {
      return List.of(contextLine(Mrkdwn.fromMarkdown(c.markdown())));
    }
    if (block instanceof Block.Notice n) {
      return List.of(contextLine(":information_source: " + Mrkdwn.fromMarkdown(n.markdown())));
    }
    if (block instanceof Block.Sources s) {
      return List.of(context(sources(s.sources())));
    }
    if (block instanceof Block.Divider) {
      return List.of(divider());
    }
    return List.of(); // an image: uploaded beside the message
  }

  private static List<LayoutBlock> text(Block.Text text) {
    List<String> chunks = chunks(Mrkdwn.fromMarkdown(text.markdown()));
    List<LayoutBlock> blocks = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      String chunk = chunks.get(i);
      boolean last = i == chunks.size() - 1;
      BlockElement accessory =
          last && text.accessory() != null ? element(text.accessory(), 0) : null;
      blocks.add(section(s -> s.text(markdownText(chunk)).accessory(accessory)));
    }
    if (chunks.isEmpty() && text.accessory() != null) {
      blocks.add(actions(List.of(element(text.accessory(), 0))));
    }
    return blocks;
  }

  private static List<LayoutBlock> fields(Block.Fields fields) {
    List<LayoutBlock> blocks = new ArrayList<>();
    List<TextObject> row = new ArrayList<>();
    for (Block.Field f : fields.fields()) {
      row.add(
          markdownText(
              cut(
                  "*" + Mrkdwn.escape(f.label()) + "*\n" + Mrkdwn.fromMarkdown(f.value()),
                  FIELD_CHARS)));
      if (row.size() == FIELDS_PER_SECTION) {
        List<TextObject> full = List.copyOf(row);
        blocks.add(section(s -> s.fields(full)));
        row.clear();
      }
    }
    if (!row.isEmpty()) {
      List<TextObject> rest = List.copyOf(row);
      blocks.add(section(s -> s.fields(rest)));
    }
    return blocks;
  }

  private static List<LayoutBlock> choices(Block.Choices choices, List<BlockElement> more) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (choices.heading() != null) {
      blocks.add(contextLine("*" + Mrkdwn.escape(choices.heading()) + "*"));
    }
    List<BlockElement> elements = new ArrayList<>();
    String blockId = null;
    for (int i = 0; i < choices.buttons().size(); i++) {
      Reply.Button b = choices.buttons().get(i);
      elements.add(element(b, i));
      if (b.prompt() != null && b.prompt().kind() == Reply.Prompt.Kind.CONVERSATION) {
        // Slack tells which picker was used only by its block: the token travels there.
        ButtonCode token = ButtonCode.of(b, i);
        blockId = token.id() + ":" + token.value();
      }
    }
    elements.addAll(more);
    if (elements.isEmpty()) {
      return blocks;
    }
    for (int from = 0; from < elements.size(); from += ELEMENTS_PER_ROW) {
      List<BlockElement> row =
          List.copyOf(elements.subList(from, Math.min(elements.size(), from + ELEMENTS_PER_ROW)));
      String id = from == 0 ? blockId : null;
      blocks.add(actions(a -> a.blockId(id).elements(row)));
    }
    return blocks;
  }

  /** One of the core's buttons; a button that asks for a conversation is Slack's picker. */
  static BlockElement element(Reply.Button button, int index) {
    ButtonCode token = ButtonCode.of(button, index);
    if (button.prompt() != null && button.prompt().kind() == Reply.Prompt.Kind.CONVERSATION) {
      return ConversationsSelectElement.builder()
          .actionId(token.id())
          .placeholder(plainText(label(button.label())))
          .filter(
              ConversationsFilter.builder()
                  .include(List.of("public", "private"))
                  .excludeBotUsers(true)
                  .build())
          .build();
    }
    ButtonElement element = button(token.id(), label(button.label()), token.value());
    if (button.style() == Reply.Style.PRIMARY) {
      element.setStyle("primary");
    }
    return element;
  }

  static ButtonElement button(String actionId, String label, String value) {
    return ButtonElement.builder()
        .actionId(actionId)
        .text(plainText(label(label), true))
        .value(value)
        .build();
  }

  private static LayoutBlock contextLine(String mrkdwn) {
    String text = cut(mrkdwn, SECTION_CHARS);
    return context(c -> c.elements(List.of(markdownText(text))));
  }

  private static List<ContextBlockElement> sources(List<Reply.Source> sources) {
    List<ContextBlockElement> elements = new ArrayList<>();
    elements.add(markdownText("*Sources*"));
    for (int i = 0; i < sources.size() && elements.size() < CONTEXT_ELEMENTS_LIMIT; i++) {
      Reply.Source s = sources.get(i);
      elements.add(
          markdownText(
              "["
                  + s.number()
                  + "] "
                  + Mrkdwn.escape(s.title())
                  + " › "
                  + Mrkdwn.escape(s.section())));
    }
    return elements;
  }

  private static String label(String text) {
    return text.length() <= BUTTON_LABEL_LIMIT
        ? text
        : text.substring(0, BUTTON_LABEL_LIMIT - 1).strip() + "…";
  }

  /** At most {@link #MAX_BLOCKS}, the last saying the rest was cut; the last row is kept. */
  private static List<LayoutBlock> limited(List<LayoutBlock> blocks) {
    if (blocks.size() <= MAX_BLOCKS) {
      return blocks;
    }
    LayoutBlock last = blocks.get(blocks.size() - 1);
    boolean keepLast = last instanceof com.slack.api.model.block.ActionsBlock;
    List<LayoutBlock> kept = new ArrayList<>(blocks.subList(0, MAX_BLOCKS - (keepLast ? 2 : 1)));
    kept.add(contextLine("_(cut: too long for Slack)_"));
    if (keepLast) {
      kept.add(last);
    }
    return kept;
  }

  private static String cut(String text, int max) {
    return text.length() > max ? text.substring(0, max - 1) + "…" : text;
  }

  /** Splits text into pieces a section block accepts, preferring paragraph and line breaks. */
  static List<String> chunks(String text) {
    return TextPieces.split(text, SECTION_CHARS).stream()
        .map(String::strip)
        .filter(piece -> !piece.isEmpty())
        .toList();
  }
}
