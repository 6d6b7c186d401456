package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.divider;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.conversation.Welcome;
import org.scalingcoach.knowledge.KnowledgeBase;

/**
 * The App Home tab: the core's replies for one person (the welcome, what the coach knows, example
 * questions, and what features such as audits add with {@link #add(Section)}), rendered one after
 * the other between dividers.
 */
public final class HomeView {
  private final List<Section> sections = new CopyOnWriteArrayList<>();

  /** A part of the home tab, built for one user each time the tab is opened (null for none). */
  @FunctionalInterface
  public interface Section {
    Reply reply(String teamId, String userId);
  }

  /** The standard home; what the coach knows follows reloads. */
  static HomeView standard(Supplier<KnowledgeBase> knowledge) {
    HomeView view = new HomeView();
    view.add((team, user) -> Welcome.home(new Reply.Person(user, user, false)));
    view.add((team, user) -> Welcome.knowledge(knowledge.get()));
    view.add((team, user) -> Welcome.tryAQuestion());
    return view;
  }

  public HomeView add(Section section) {
    sections.add(section);
    return this;
  }

  View build(String teamId, String userId) {
    List<LayoutBlock> blocks = new ArrayList<>();
    for (Section section : sections) {
      Reply part = section.reply(teamId, userId);
      if (part == null || part.content().isEmpty()) {
        continue;
      }
      if (!blocks.isEmpty()) {
        blocks.add(divider());
      }
      blocks.addAll(SlackReplies.blocks(part));
    }
    // A home tab holds 100 blocks, more than a message: each part was already cut to 50.
    return View.builder()
        .type("home")
        .blocks(blocks.subList(0, Math.min(100, blocks.size())))
        .build();
  }
}
