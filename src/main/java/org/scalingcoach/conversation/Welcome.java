package org.scalingcoach.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.KnowledgeDocument;
import org.scalingcoach.knowledge.Topic;

/**
 * How the coach introduces itself, once for every platform: the greeting when it joins a chat, the
 * parts of a home tab, and the example questions offered to new people (on the home tab, in an
 * assistant panel, under the greeting).
 */
public final class Welcome {
  /** Questions offered to people who have not asked anything yet. */
  public static final List<String> EXAMPLES =
      List.of(
          "How do we know our model is drifting?",
          "What should we check in our data before scaling?",
          "How do we get employees to actually use the AI tool?",
          "What costs do teams forget when they move AI to production?");

  /** The token key that marks a suggested question as an example, asked in a personal chat. */
  public static final String EXAMPLE = "example";

  private Welcome() {}

  /**
   * The greeting when the coach is added to a chat or team; {@code prefix} is what people type
   * before a command there.
   */
  public static Reply greeting(String prefix) {
    StringBuilder topics = new StringBuilder();
    for (Topic topic : Topic.values()) {
      topics.append("- ").append(topic.label()).append("\n");
    }
    return Reply.of(
        "Hi, I'm Scaling Coach 👋",
        List.of(
            new Block.Heading("Hi, I'm Scaling Coach 👋"),
            new Block.Text(
                "I help your company scale AI without the four classic errors. Ask me anything"
                    + " about:"),
            new Block.Text(topics.toString().strip()),
            new Block.Text(
                "In a channel, mention me (@Scaling Coach) with your question. In a chat, just"
                    + " type it. Every answer lists the sources it came from. Type **"
                    + prefix
                    + "audit** to run a guided maturity audit, **"
                    + prefix
                    + "help** for everything I understand."),
            Block.Choices.row(examples(EXAMPLES.subList(0, 2)))));
  }

  /** The top of a person's home tab: who the coach is and how to ask it. */
  public static Reply home(Reply.Person person) {
    return Reply.of(
        "Scaling Coach",
        List.of(
            new Block.Heading("Scaling Coach"),
            new Block.Text(
                "Hi "
                    + Markdown.person(person)
                    + "! I help your company scale AI without the classic mistakes. Ask me"
                    + " anything about it: send me a direct message, mention me in a channel, type"
                    + " `/coach your question`, or open me in the assistant panel. I answer from a"
                    + " curated knowledge base and always show my sources.")));
  }

  /** What the coach knows now, by topic. */
  public static Reply knowledge(KnowledgeBase knowledge) {
    Map<Topic, List<String>> titles = new TreeMap<>();
    for (KnowledgeDocument document : knowledge.documents()) {
      titles.computeIfAbsent(document.topic(), t -> new ArrayList<>()).add(document.title());
    }
    StringBuilder text = new StringBuilder("**What I know about**\n");
    for (Map.Entry<Topic, List<String>> entry : titles.entrySet()) {
      text.append("\n- **")
          .append(Markdown.escape(entry.getKey().label()))
          .append("**: ")
          .append(Markdown.escape(String.join(", ", entry.getValue())));
    }
    text.append("\n\n_")
        .append(knowledge.documents().size())
        .append(" documents, ")
        .append(knowledge.sections().size())
        .append(" sections._");
    return Reply.of("What I know about", List.of(new Block.Text(text.toString())));
  }

  /** The example questions to click, answered in a personal chat. */
  public static Reply tryAQuestion() {
    return Reply.of(
        "Try a question",
        List.of(
            new Block.Text(
                "**Try a question**: I'll answer in our direct messages, where you can keep"
                    + " asking."),
            new Block.Choices(null, examples(EXAMPLES), Block.Layout.LIST)));
  }

  private static List<Reply.Button> examples(List<String> questions) {
    return questions.stream()
        .map(q -> Reply.Button.of(q, AnswerReplies.ASK, Map.of("question", q, EXAMPLE, "true")))
        .toList();
  }
}
