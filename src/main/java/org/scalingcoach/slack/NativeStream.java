package org.scalingcoach.slack;

import com.slack.api.methods.response.chat.ChatStartStreamResponse;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows an answer with Slack's native streaming: {@code chat.startStream} with the first words,
 * {@code chat.appendStream} with each new piece (at the pace {@code LivePreview} keeps), and {@code
 * chat.stopStream} with the rest and the sources and feedback buttons at the end. When the
 * workspace refuses {@code chat.startStream}, the answer is shown with {@code chat.update} edits
 * instead ({@code fallback}), and {@code refused} is told so the next answers go there directly.
 */
final class NativeStream implements LiveAnswer.Screen {
  private static final Logger log = LoggerFactory.getLogger(NativeStream.class);

  /** Told when a workspace refuses native streaming for good (not for a passing failure). */
  interface Refusals {
    void refused(String reason);
  }

  private final SlackWebApi slack;
  private final Destination.Conversation where;
  private final String teamId;
  private final String userId;
  private final Refusals refusals;
  private LiveAnswer.Posted posted;
  private StreamingMessage fallback;

  NativeStream(
      SlackWebApi slack,
      Destination.Conversation where,
      String teamId,
      String userId,
      Refusals refusals) {
    this.slack = slack;
    this.where = where;
    this.teamId = teamId;
    this.userId = userId;
    this.refusals = refusals;
  }

  @Override
  public boolean appendOnly() {
    return fallback == null;
  }

  @Override
  public void open(String markdown) {
    try {
      ChatStartStreamResponse response =
          slack.call(
              "chat.startStream",
              client ->
                  client.chatStartStream(
                      r ->
                          r.channel(where.channel())
                              .threadTs(where.threadTs())
                              .markdownText(Mrkdwn.defused(markdown))
                              .recipientTeamId(teamId)
                              .recipientUserId(userId)));
      String channel = response.getChannel() != null ? response.getChannel() : where.channel();
      posted = new LiveAnswer.Posted(channel, response.getTs());
    } catch (SlackCallFailed e) {
      if (permanent(e)) {
        refusals.refused(e.error());
      }
      log.info(
          "native streaming refused in {} ({}); showing the answer with edits",
          where.channel(),
          e.error());
      fallback = new StreamingMessage(slack, where);
      fallback.open(markdown);
    }
  }

  @Override
  public void grow(String shown, String markdown) {
    if (fallback != null) {
      fallback.grow(shown, markdown);
      return;
    }
    String more = Mrkdwn.defused(markdown).substring(Mrkdwn.defused(shown).length());
    LiveAnswer.Posted at = posted;
    slack.call(
        "chat.appendStream",
        client ->
            client.chatAppendStream(r -> r.channel(at.channel()).ts(at.ts()).markdownText(more)));
  }

  @Override
  public LiveAnswer.Posted complete(AnswerBlocks.Shown answer, String shown) {
    if (fallback != null) {
      return fallback.complete(answer, shown);
    }
    LiveAnswer.Posted at = posted;
    String markdown = Mrkdwn.defused(answer.reply().markdown());
    String streamed = Mrkdwn.defused(shown);
    if (markdown.startsWith(streamed)) {
      String rest = markdown.substring(streamed.length());
      List<LayoutBlock> tail = AnswerBlocks.afterStream(answer);
      slack.call(
          "chat.stopStream",
          client ->
              client.chatStopStream(
                  r -> {
                    r.channel(at.channel()).ts(at.ts()).blocks(tail);
                    return rest.isEmpty() ? r : r.markdownText(rest);
                  }));
      return at;
    }
    // The final answer is not what was streamed (a fallback, say): end the stream, then
    // replace the message as a whole.
    try {
      slack.call(
          "chat.stopStream",
          client -> client.chatStopStream(r -> r.channel(at.channel()).ts(at.ts())));
    } catch (SlackCallFailed e) {
      log.warn("could not stop the stream in {}: {}", at.channel(), e.getMessage());
    }
    String text = AnswerBlocks.fallbackText(answer);
    List<LayoutBlock> blocks = AnswerBlocks.answer(answer);
    slack.call(
        "chat.update",
        client ->
            client.chatUpdate(r -> r.channel(at.channel()).ts(at.ts()).text(text).blocks(blocks)));
    return at;
  }

  /** Whether the error means this workspace does not offer native streaming (not a hiccup). */
  private static boolean permanent(SlackCallFailed e) {
    String error = e.error() == null ? "" : e.error();
    return !(error.equals("ratelimited")
        || error.startsWith("HTTP ")
        || error.equals("internal_error")
        || error.equals("fatal_error")
        || e.getCause() instanceof java.io.IOException);
  }
}
