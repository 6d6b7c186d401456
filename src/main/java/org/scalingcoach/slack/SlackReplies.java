package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.conversation.Reply;

/** Renders the core's neutral {@link Reply} as Slack mrkdwn and Block Kit. */
final class SlackReplies {
  /** A section's text may hold 3,000 characters; keep room for the ellipsis. */
  private static final int SECTION_CHARS = 2_900;

  /** A message holds 50 blocks; the rest of a longer reply is cut, saying so. */
  private static final int MAX_BLOCKS = 50;

  private SlackReplies() {}

  /** The reply as one mrkdwn text, for acknowledgements and notification fallbacks. */
  static String text(Reply reply) {
    return Mrkdwn.fromMarkdown(reply.markdown());
  }

  /** The reply as blocks: its text in sections of at most Slack's length, notices as context. */
  static List<LayoutBlock> blocks(Reply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (String paragraph : text(reply).split("\n\n")) {
      if (part.length() > 0 && part.length() + paragraph.length() + 2 > SECTION_CHARS) {
        blocks.add(section(part.toString()));
        part.setLength(0);
      }
      if (part.length() > 0) {
        part.append("\n\n");
      }
      part.append(paragraph);
    }
    if (part.length() > 0) {
      blocks.add(section(part.toString()));
    }
    for (String notice : reply.notices()) {
      String text = cut(Mrkdwn.fromMarkdown(notice));
      blocks.add(context(c -> c.elements(List.of(markdownText(text)))));
    }
    if (blocks.size() > MAX_BLOCKS) {
      blocks.subList(MAX_BLOCKS - 1, blocks.size()).clear();
      blocks.add(context(c -> c.elements(List.of(markdownText("_(cut: too long for Slack)_")))));
    }
    return blocks;
  }

  private static LayoutBlock section(String mrkdwn) {
    String text = cut(mrkdwn);
    return com.slack.api.model.block.Blocks.section(s -> s.text(markdownText(text)));
  }

  private static String cut(String mrkdwn) {
    return mrkdwn.length() > SECTION_CHARS ? mrkdwn.substring(0, SECTION_CHARS - 1) + "…" : mrkdwn;
  }
}
