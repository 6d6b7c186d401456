package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.KnowledgeDocument;
import org.scalingcoach.knowledge.Topic;

/**
 * The App Home tab, composed of sections; features such as audits add their own section with {@link
 * #add(Section)}.
 */
public final class HomeView {
  static final String ASK_EXAMPLE_PREFIX = "coach_ask_example_";

  private final List<Section> sections = new CopyOnWriteArrayList<>();

  /** A part of the home tab, built for one user each time the tab is opened. */
  @FunctionalInterface
  public interface Section {
    List<LayoutBlock> blocks(String teamId, String userId);
  }

  /**
   * The standard home: welcome, what the coach knows now (it follows reloads), and example
   * questions to click.
   */
  static HomeView standard(Supplier<KnowledgeBase> knowledge) {
    HomeView view = new HomeView();
    view.add(HomeView::welcome);
    view.add((team, user) -> knowledgeSection(knowledge.get()));
    view.add((team, user) -> examples());
    return view;
  }

  public HomeView add(Section section) {
    sections.add(section);
    return this;
  }

  View build(String teamId, String userId) {
    List<LayoutBlock> blocks = new ArrayList<>();
    for (Section section : sections) {
      List<LayoutBlock> part = section.blocks(teamId, userId);
      if (part.isEmpty()) {
        continue;
      }
      if (!blocks.isEmpty()) {
        blocks.add(divider());
      }
      blocks.addAll(part);
    }
    return View.builder().type("home").blocks(blocks).build();
  }

  private static List<LayoutBlock> welcome(String teamId, String userId) {
    return List.of(
        header(h -> h.text(plainText("Scaling Coach", true))),
        section(
            s ->
                s.text(
                    markdownText(
                        "Hi <@"
                            + userId
                            + ">! I help your company scale AI without the classic mistakes. Ask"
                            + " me anything about it: send me a direct message, mention me in a"
                            + " channel, type `/coach your question`, or open me in the assistant"
                            + " panel. I answer from a curated knowledge base and always show my"
                            + " sources."))));
  }

  private static List<LayoutBlock> knowledgeSection(KnowledgeBase knowledge) {
    Map<Topic, List<String>> titles = new TreeMap<>();
    for (KnowledgeDocument document : knowledge.documents()) {
      titles.computeIfAbsent(document.topic(), t -> new ArrayList<>()).add(document.title());
    }
    StringBuilder text = new StringBuilder("*What I know about*");
    for (Map.Entry<Topic, List<String>> entry : titles.entrySet()) {
      text.append("\n• *")
          .append(Mrkdwn.escape(entry.getKey().label()))
          .append("*: ")
          .append(Mrkdwn.escape(String.join(", ", entry.getValue())));
    }
    text.append("\n_")
        .append(knowledge.documents().size())
        .append(" documents, ")
        .append(knowledge.sections().size())
        .append(" sections._");
    String body = text.length() > 3_000 ? text.substring(0, 2_999) + "…" : text.toString();
    return List.of(section(s -> s.text(markdownText(body))));
  }

  private static List<LayoutBlock> examples() {
    List<BlockElement> buttons = new ArrayList<>();
    for (int i = 0; i < ExampleQuestions.ALL.size(); i++) {
      String question = ExampleQuestions.ALL.get(i);
      buttons.add(
          ButtonElement.builder()
              .actionId(ASK_EXAMPLE_PREFIX + i)
              .text(plainText(question, true))
              .value(question)
              .build());
    }
    return List.of(
        section(
            s ->
                s.text(
                    markdownText(
                        "*Try a question* — I'll answer in our direct messages, where you can keep"
                            + " asking."))),
        actions(a -> a.blockId("coach_examples").elements(buttons)));
  }
}
