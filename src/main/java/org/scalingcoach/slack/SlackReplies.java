package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.conversation.Reply;

/**
 * Renders the core's neutral {@link Reply} as Slack mrkdwn and Block Kit: its text in sections,
 * notices and numbered sources as context, choices and buttons as action rows whose ids and values
 * {@link SlackButtons} writes.
 */
final class SlackReplies {
  /** A section's text may hold 3,000 characters. */
  private static final int SECTION_CHARS = 3_000;

  /** A message holds 50 blocks; the rest of a longer reply is cut, saying so. */
  private static final int MAX_BLOCKS = 50;

  private static final int BUTTON_LABEL_LIMIT = 75;
  private static final int CONTEXT_ELEMENTS_LIMIT = 10;

  private SlackReplies() {}

  /** The reply as one mrkdwn text, for acknowledgements and notification fallbacks. */
  static String text(Reply reply) {
    return Mrkdwn.fromMarkdown(reply.markdown());
  }

  /** The plain text Slack shows in notifications and to clients without blocks. */
  static String fallbackText(Reply reply) {
    return cut(text(reply));
  }

  /** The whole reply as blocks. */
  static List<LayoutBlock> blocks(Reply reply) {
    List<LayoutBlock> blocks = new ArrayList<>(textBlocks(reply));
    blocks.addAll(afterText(reply, List.of()));
    return blocks;
  }

  /** The reply's text in sections of at most Slack's length, and its notices. */
  static List<LayoutBlock> textBlocks(Reply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    for (String chunk : chunks(text(reply))) {
      blocks.add(com.slack.api.model.block.Blocks.section(s -> s.text(markdownText(chunk))));
    }
    for (String notice : reply.notices()) {
      String text = cut(Mrkdwn.fromMarkdown(notice));
      blocks.add(context(c -> c.elements(List.of(markdownText(text)))));
    }
    return limited(blocks);
  }

  /**
   * What goes under the text: the sources, the choices, and the buttons followed by {@code more} of
   * the adapter's own (such as "Share in channel").
   */
  static List<LayoutBlock> afterText(Reply reply, List<BlockElement> more) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (!reply.sources().isEmpty()) {
      blocks.add(context(sources(reply.sources())));
    }
    List<BlockElement> choices = buttons(reply.choices());
    if (!choices.isEmpty()) {
      blocks.add(actions(a -> a.blockId("coach_follow_ups").elements(choices)));
    }
    List<BlockElement> buttons = new ArrayList<>(buttons(reply.buttons()));
    buttons.addAll(more);
    if (!buttons.isEmpty()) {
      blocks.add(actions(a -> a.blockId("coach_feedback").elements(buttons)));
    }
    return blocks;
  }

  /** The choices alone, then {@code more}, in one action row (or none when both are empty). */
  static List<LayoutBlock> choices(Reply reply, List<BlockElement> more) {
    List<BlockElement> elements = new ArrayList<>(buttons(reply.choices()));
    elements.addAll(more);
    return elements.isEmpty()
        ? List.of()
        : List.of(actions(a -> a.blockId("coach_follow_ups").elements(elements)));
  }

  /** The numbered sources as one context block, or none. */
  static List<LayoutBlock> sourcesBlock(Reply reply) {
    return reply.sources().isEmpty() ? List.of() : List.of(context(sources(reply.sources())));
  }

  private static List<BlockElement> buttons(List<Reply.Button> buttons) {
    List<BlockElement> elements = new ArrayList<>();
    for (int i = 0; i < buttons.size(); i++) {
      Reply.Button b = buttons.get(i);
      elements.add(
          button(SlackButtons.actionId(b.action(), i), label(b.label()), SlackButtons.value(b)));
    }
    return elements;
  }

  static ButtonElement button(String actionId, String label, String value) {
    return ButtonElement.builder()
        .actionId(actionId)
        .text(plainText(label, true))
        .value(value)
        .build();
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

  private static List<LayoutBlock> limited(List<LayoutBlock> blocks) {
    // Keep room for the sources and two action rows under the text.
    int max = MAX_BLOCKS - 3;
    if (blocks.size() > max) {
      blocks.subList(max - 1, blocks.size()).clear();
      blocks.add(context(c -> c.elements(List.of(markdownText("_(cut: too long for Slack)_")))));
    }
    return blocks;
  }

  private static String cut(String mrkdwn) {
    return mrkdwn.length() > SECTION_CHARS ? mrkdwn.substring(0, SECTION_CHARS - 1) + "…" : mrkdwn;
  }

  /** Splits text into pieces a section block accepts, preferring paragraph and line breaks. */
  static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    String rest = text;
    while (rest.length() > SECTION_CHARS) {
      int cut = rest.lastIndexOf("\n\n", SECTION_CHARS);
      if (cut <= 0) {
        cut = rest.lastIndexOf('\n', SECTION_CHARS);
      }
      if (cut <= 0) {
        cut = rest.lastIndexOf(' ', SECTION_CHARS);
      }
      if (cut <= 0) {
        cut = SECTION_CHARS;
      }
      chunks.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      chunks.add(rest);
    }
    return chunks;
  }
}
