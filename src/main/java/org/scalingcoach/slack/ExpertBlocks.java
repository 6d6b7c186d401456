package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.expert.ExpertQuestion;

/** Slack Block Kit for "Ask an expert": the offer, the modals and the experts' message. */
final class ExpertBlocks {
  static final String ASK = "coach_expert_ask";
  static final String ANSWER = "coach_expert_answer";
  static final String NOT_FOR_US = "coach_expert_not_for_us";
  static final String CLAIM = "coach_expert_claim";
  static final String DRAFT = "coach_expert_draft";
  static final String ASK_VIEW = "coach_expert_ask_view";
  static final String ANSWER_VIEW = "coach_expert_answer_view";
  static final String NOT_FOR_US_VIEW = "coach_expert_not_for_us_view";
  static final String TEXT_BLOCK = "text";
  static final String TEXT_INPUT = "text_input";

  private static final int SHOWN_CHARS = 2_800;

  private ExpertBlocks() {}

  /** {@code blocks} with an "Ask an expert" button for the stored answer {@code answerId}. */
  static List<LayoutBlock> withAsk(List<LayoutBlock> blocks, String answerId) {
    List<LayoutBlock> more = new ArrayList<>(blocks);
    more.add(
        actions(
            a ->
                a.blockId("coach_expert")
                    .elements(List.of(button(ASK, "🧑‍🏫 Ask an expert", answerId, "primary")))));
    return more;
  }

  /** The modal in which the employee may add a line of context before sending. */
  static View askModal(String answerId, String question) {
    return modal(
        ASK_VIEW,
        answerId,
        "Ask an expert",
        "Send",
        "The experts will see your question: _" + Mrkdwn.escape(shorten(question)) + "_",
        "Anything that helps them answer? (optional)",
        true);
  }

  static View answerModal(String metadata, ExpertQuestion q) {
    return modal(
        ANSWER_VIEW,
        metadata,
        "Answer the question",
        "Send answer",
        "*" + Mrkdwn.escape(shorten(q.question())) + "*",
        "Your answer; the person who asked gets it, with your name",
        false);
  }

  static View notForUsModal(String metadata, ExpertQuestion q) {
    return modal(
        NOT_FOR_US_VIEW,
        metadata,
        "Not for us",
        "Send",
        "*"
            + Mrkdwn.escape(shorten(q.question()))
            + "*\nIt goes on to the default experts; if there are none, it is declined.",
        "Why not? The person who asked is told (optional)",
        true);
  }

  /** The experts' message: who asked, the question, context, the coach's answer and buttons. */
  static List<LayoutBlock> question(ExpertQuestion q, String status, boolean open) {
    List<LayoutBlock> blocks = new ArrayList<>();
    String who =
        q.asker().platform().equals("slack")
            ? "<@" + q.asker().user() + ">"
            : Mrkdwn.escape(q.asker().user()) + " (in Teams)";
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "❓ "
                            + who
                            + " asked the experts ("
                            + q.route()
                            + "):\n*"
                            + Mrkdwn.escape(shorten(q.question()))
                            + "*"))));
    if (!q.context().isBlank()) {
      // A context element holds at most 3,000 characters, fewer than the modal lets people type.
      blocks.add(context(List.of(markdownText("Context: " + Mrkdwn.escape(shorten(q.context()))))));
    }
    if (!q.coachAnswer().isBlank()) {
      String sources =
          q.sources().isEmpty()
              ? ""
              : "\n_Sources: " + Mrkdwn.escape(String.join("; ", q.sources())) + "_";
      blocks.add(
          section(
              s ->
                  s.text(
                      markdownText(
                          "*The coach said:*\n"
                              + shorten(Mrkdwn.fromMarkdown(q.coachAnswer()))
                              + sources))));
    }
    if (status != null && !status.isEmpty()) {
      blocks.add(context(List.of(markdownText(status))));
    }
    String id = String.valueOf(q.id());
    List<BlockElement> buttons = new ArrayList<>();
    if (open) {
      buttons.add(button(ANSWER, "Answer", id, "primary"));
      buttons.add(button(NOT_FOR_US, "Not for us", id, null));
      buttons.add(button(CLAIM, "Claim", id, null));
    } else if (q.state() == ExpertQuestion.State.ANSWERED && q.draft().isEmpty()) {
      buttons.add(button(DRAFT, "Draft knowledge (admins)", id, null));
    }
    if (!buttons.isEmpty()) {
      blocks.add(actions(a -> a.blockId("coach_expert_question").elements(buttons)));
    }
    return blocks;
  }

  static String fallback(ExpertQuestion q) {
    return "Question for the experts: " + shorten(q.question());
  }

  private static View modal(
      String callbackId,
      String metadata,
      String title,
      String submit,
      String intro,
      String label,
      boolean optional) {
    return View.builder()
        .type("modal")
        .callbackId(callbackId)
        .privateMetadata(metadata)
        .title(ViewTitle.builder().type("plain_text").text(title).build())
        .submit(ViewSubmit.builder().type("plain_text").text(submit).build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(
            List.of(
                section(s -> s.text(markdownText(intro))),
                input(
                    i ->
                        i.blockId(TEXT_BLOCK)
                            .optional(optional)
                            .label(plainText(label))
                            .element(
                                PlainTextInputElement.builder()
                                    .actionId(TEXT_INPUT)
                                    .multiline(true)
                                    .maxLength(3_000)
                                    .build()))))
        .build();
  }

  private static ButtonElement button(String actionId, String label, String value, String style) {
    return ButtonElement.builder()
        .actionId(actionId)
        .text(plainText(label, true))
        .value(value)
        .style(style)
        .build();
  }

  private static String shorten(String text) {
    return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS - 1) + "…";
  }
}
