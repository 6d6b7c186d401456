package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.ContextActionsBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.FeedbackButtonObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.FeedbackButtonsElement;
import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.Citation;

/** Renders an {@link Answer} as Slack Block Kit: text, sources, follow-ups and feedback buttons. */
public final class AnswerBlocks {
  static final String FEEDBACK_UP = "coach_feedback_up";
  static final String FEEDBACK_DOWN = "coach_feedback_down";
  static final String FOLLOW_UP_PREFIX = "coach_follow_up_";
  static final String SHARE = "coach_share";

  /** The {@code feedback_buttons} element under a natively streamed answer. */
  static final String FEEDBACK_BUTTONS = "coach_feedback";

  static final String UP_PREFIX = "up:";
  static final String DOWN_PREFIX = "down:";

  private static final int SECTION_LIMIT = 3_000;
  private static final int BUTTON_LABEL_LIMIT = 75;
  private static final int CONTEXT_ELEMENTS_LIMIT = 10;

  private AnswerBlocks() {}

  /** How an answer is shown. */
  public record Options(String askedBy, boolean shareable) {
    /** An answer in the thread where the question was asked. */
    public static final Options PLAIN = new Options(null, false);
  }

  public static List<LayoutBlock> answer(Answer answer, String answerId, Options options) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (options.askedBy() != null) {
      blocks.add(
          context(
              List.of(
                  markdownText(
                      "<@"
                          + options.askedBy()
                          + "> asked: _"
                          + Mrkdwn.escape(answer.question())
                          + "_"))));
    }
    for (String chunk : chunks(Mrkdwn.fromMarkdown(answer.markdown()))) {
      blocks.add(section(s -> s.text(markdownText(chunk))));
    }
    if (!answer.citations().isEmpty()) {
      blocks.add(context(sources(answer.citations())));
    }
    List<BlockElement> followUps = new ArrayList<>();
    for (int i = 0; i < answer.followUps().size(); i++) {
      String question = answer.followUps().get(i);
      followUps.add(button(FOLLOW_UP_PREFIX + i, label(question), question, null));
    }
    if (!followUps.isEmpty()) {
      blocks.add(actions(a -> a.blockId("coach_follow_ups").elements(followUps)));
    }
    List<BlockElement> buttons = new ArrayList<>();
    buttons.add(button(FEEDBACK_UP, "👍 Helpful", answerId, null));
    buttons.add(button(FEEDBACK_DOWN, "👎 Not helpful", answerId, null));
    if (options.shareable()) {
      buttons.add(button(SHARE, "Share in channel", answerId, "primary"));
    }
    blocks.add(actions(a -> a.blockId("coach_feedback").elements(buttons)));
    return blocks;
  }

  /**
   * What goes under an answer streamed with {@code chat.*Stream}, whose text is already in the
   * message: the sources, follow-ups, sharing, and Slack's own feedback buttons in a {@code
   * context_actions} block at the end.
   */
  public static List<LayoutBlock> afterStream(Answer answer, String answerId, Options options) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (!answer.citations().isEmpty()) {
      blocks.add(context(sources(answer.citations())));
    }
    List<BlockElement> more = new ArrayList<>();
    for (int i = 0; i < answer.followUps().size(); i++) {
      String question = answer.followUps().get(i);
      more.add(button(FOLLOW_UP_PREFIX + i, label(question), question, null));
    }
    if (options.shareable()) {
      more.add(button(SHARE, "Share in channel", answerId, "primary"));
    }
    if (!more.isEmpty()) {
      blocks.add(actions(a -> a.blockId("coach_follow_ups").elements(more)));
    }
    blocks.add(
        ContextActionsBlock.builder()
            .blockId("coach_feedback")
            .elements(
                List.of(
                    FeedbackButtonsElement.builder()
                        .actionId(FEEDBACK_BUTTONS)
                        .positiveButton(feedback("👍 Helpful", UP_PREFIX + answerId))
                        .negativeButton(feedback("👎 Not helpful", DOWN_PREFIX + answerId))
                        .build()))
            .build());
    return blocks;
  }

  private static FeedbackButtonObject feedback(String label, String value) {
    return FeedbackButtonObject.builder()
        .text(plainText(label, true))
        .value(value)
        .accessibilityLabel(label.substring(label.indexOf(' ') + 1))
        .build();
  }

  /** The plain text Slack shows in notifications and to clients without blocks. */
  public static String fallbackText(Answer answer) {
    String text = Mrkdwn.fromMarkdown(answer.markdown());
    return text.length() > SECTION_LIMIT ? text.substring(0, SECTION_LIMIT - 1) + "…" : text;
  }

  private static List<ContextBlockElement> sources(List<Citation> citations) {
    List<ContextBlockElement> elements = new ArrayList<>();
    elements.add(markdownText("*Sources*"));
    for (int i = 0; i < citations.size() && elements.size() < CONTEXT_ELEMENTS_LIMIT; i++) {
      Citation c = citations.get(i);
      elements.add(
          markdownText(
              "["
                  + (i + 1)
                  + "] "
                  + Mrkdwn.escape(c.title())
                  + " › "
                  + Mrkdwn.escape(c.section())));
    }
    return elements;
  }

  private static ButtonElement button(String actionId, String label, String value, String style) {
    return ButtonElement.builder()
        .actionId(actionId)
        .text(plainText(label, true))
        .value(value)
        .style(style)
        .build();
  }

  private static String label(String text) {
    return text.length() <= BUTTON_LABEL_LIMIT
        ? text
        : text.substring(0, BUTTON_LABEL_LIMIT - 1).strip() + "…";
  }

  /** Splits text into pieces a section block accepts, preferring paragraph and line breaks. */
  static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    String rest = text;
    while (rest.length() > SECTION_LIMIT) {
      int cut = rest.lastIndexOf("\n\n", SECTION_LIMIT);
      if (cut <= 0) {
        cut = rest.lastIndexOf('\n', SECTION_LIMIT);
      }
      if (cut <= 0) {
        cut = rest.lastIndexOf(' ', SECTION_LIMIT);
      }
      if (cut <= 0) {
        cut = SECTION_LIMIT;
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
