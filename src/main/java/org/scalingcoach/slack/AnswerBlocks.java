package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.ContextActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.FeedbackButtonObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.FeedbackButtonsElement;
import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.conversation.AnswerReplies;
import org.scalingcoach.conversation.Block;
import org.scalingcoach.conversation.ButtonCode;
import org.scalingcoach.conversation.Reply;

/**
 * The Slack-only parts around an answer {@link Reply}, which {@link SlackReplies} renders: who
 * asked (above an answer others may see), "Share in channel" under an ephemeral one, and Slack's
 * own thumbs under a natively streamed one.
 */
public final class AnswerBlocks {
  static final String SHARE = "coach_share";

  private AnswerBlocks() {}

  /** How an answer is shown. */
  public record Options(String askedBy, boolean shareable) {
    /** An answer in the thread where the question was asked. */
    public static final Options PLAIN = new Options(null, false);
  }

  /** An answer to show: the core's reply, the question, the id it was kept as, and how. */
  record Shown(Reply reply, String question, String answerId, Options options) {
    /** A stored answer, shown as the core shows every answer. */
    static Shown of(Answer answer, String answerId, Options options) {
      return new Shown(AnswerReplies.of(answer, answerId), answer.question(), answerId, options);
    }
  }

  /** A stored answer (shared, delivered by an expert, previewed in the console) as blocks. */
  public static List<LayoutBlock> answer(Answer answer, String answerId, Options options) {
    return answer(Shown.of(answer, answerId, options));
  }

  /** The notification text of a stored answer. */
  public static String fallbackText(Answer answer) {
    return Mrkdwn.fromMarkdown(answer.markdown()).length() > 0
        ? SlackReplies.fallbackText(AnswerReplies.of(answer, ""))
        : "";
  }

  static List<LayoutBlock> answer(Shown shown) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (shown.options().askedBy() != null) {
      String line =
          "<@" + shown.options().askedBy() + "> asked: _" + Mrkdwn.escape(shown.question()) + "_";
      blocks.add(context(List.of(markdownText(line))));
    }
    blocks.addAll(SlackReplies.blocks(shown.reply().content(), share(shown)));
    return blocks;
  }

  /**
   * What goes under an answer streamed with {@code chat.*Stream}, whose text is already in the
   * message: the sources, follow-ups, sharing, and the votes as Slack's own feedback buttons in a
   * {@code context_actions} block at the end.
   */
  static List<LayoutBlock> afterStream(Shown shown) {
    // The text is in the message already; the votes become Slack's own thumbs below.
    List<Block> underText =
        shown.reply().content().stream()
            .filter(b -> b instanceof Block.Sources || b instanceof Block.Choices)
            .map(AnswerBlocks::withoutVotes)
            .toList();
    List<LayoutBlock> blocks = new ArrayList<>(SlackReplies.blocks(underText, share(shown)));
    List<Reply.Button> votes = shown.reply().buttons();
    if (votes.size() == 2) {
      blocks.add(
          ContextActionsBlock.builder()
              .blockId("coach_feedback")
              .elements(
                  List.of(
                      FeedbackButtonsElement.builder()
                          .actionId(ButtonCode.FEEDBACK_BUTTONS)
                          .positiveButton(feedback(votes.get(0)))
                          .negativeButton(feedback(votes.get(1)))
                          .build()))
              .build());
    }
    return blocks;
  }

  /** {@code block} without 👍/👎, which a streamed answer shows as Slack's own thumbs. */
  private static Block withoutVotes(Block block) {
    if (!(block instanceof Block.Choices c)) {
      return block;
    }
    return new Block.Choices(
        c.heading(),
        c.buttons().stream()
            .filter(b -> !b.action().name().equals(AnswerReplies.FEEDBACK))
            .toList(),
        c.layout());
  }

  /** The plain text Slack shows in notifications and to clients without blocks. */
  static String fallbackText(Shown shown) {
    return SlackReplies.fallbackText(shown.reply());
  }

  private static List<BlockElement> share(Shown shown) {
    if (!shown.options().shareable()) {
      return List.of();
    }
    var button = SlackReplies.button(SHARE, "Share in channel", shown.answerId());
    button.setStyle("primary");
    return List.of(button);
  }

  private static FeedbackButtonObject feedback(Reply.Button vote) {
    String label = vote.label();
    return FeedbackButtonObject.builder()
        .text(plainText(label, true))
        .value(ButtonCode.nativeVote(vote))
        .accessibilityLabel(label.substring(label.indexOf(' ') + 1))
        .build();
  }
}
