package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.List;
import java.util.Map;
import org.scalingcoach.conversation.Reply;

/**
 * Slack's dialogs for a button whose core {@link Reply.Prompt} asks for text: Slack messages hold
 * no forms, so the click opens a modal with the prompt's words, and its submission is the click.
 */
final class SlackModals {
  /** The input's block id in the experts' modals (the subject dialog's is {@code subject}). */
  static final String TEXT_BLOCK = "text";

  /** A modal title holds 24 characters. */
  private static final int TITLE_CHARS = 24;

  private static final int INTRO_CHARS = 2_900;

  private SlackModals() {}

  /**
   * The modal {@code callbackId} for {@code prompt}, titled {@code title}, with {@code intro}
   * (mrkdwn) above the input in block {@code blockId}; {@code metadata} comes back with the
   * submission.
   */
  static View of(
      String callbackId,
      String metadata,
      String title,
      String intro,
      Reply.Prompt prompt,
      String blockId) {
    String shownTitle =
        title.length() > TITLE_CHARS ? title.substring(0, TITLE_CHARS - 1) + "…" : title;
    String shownIntro =
        intro.length() > INTRO_CHARS ? intro.substring(0, INTRO_CHARS - 1) + "…" : intro;
    return View.builder()
        .type("modal")
        .callbackId(callbackId)
        .privateMetadata(metadata)
        .title(ViewTitle.builder().type("plain_text").text(shownTitle).build())
        .submit(ViewSubmit.builder().type("plain_text").text(prompt.submit()).build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(
            List.of(
                section(s -> s.text(markdownText(shownIntro))),
                input(
                    i ->
                        i.blockId(blockId)
                            .optional(prompt.optional())
                            .label(plainText(prompt.label()))
                            .hint(prompt.hint().isEmpty() ? null : plainText(prompt.hint()))
                            .element(
                                PlainTextInputElement.builder()
                                    .actionId(blockId + "_input")
                                    .multiline(prompt.maxChars() > 200)
                                    .maxLength(prompt.maxChars())
                                    .build()))))
        .build();
  }

  /** What was typed into block {@code blockId} of a modal made by {@link #of}, or "". */
  static String typed(ViewState state, String blockId) {
    Map<String, Map<String, ViewState.Value>> values = state.getValues();
    ViewState.Value value = values.getOrDefault(blockId, Map.of()).get(blockId + "_input");
    return value == null || value.getValue() == null ? "" : value.getValue();
  }
}
