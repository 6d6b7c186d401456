package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.divider;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.conversation.ConversationService;
import org.scalingcoach.conversation.Reply;

/**
 * The App Home tab: the parts of a person's home the conversation service chooses ({@link
 * ConversationService#home}), rendered one after the other between dividers.
 */
final class HomeView {
  /** A home tab holds 100 blocks, more than a message: each part was already cut to 50. */
  private static final int MAX_BLOCKS = 100;

  private HomeView() {}

  static View of(List<Reply> parts) {
    List<LayoutBlock> blocks = new ArrayList<>();
    for (Reply part : parts) {
      if (part == null || part.content().isEmpty()) {
        continue;
      }
      if (!blocks.isEmpty()) {
        blocks.add(divider());
      }
      blocks.addAll(SlackReplies.blocks(part));
    }
    return View.builder()
        .type("home")
        .blocks(blocks.subList(0, Math.min(MAX_BLOCKS, blocks.size())))
        .build();
  }
}
