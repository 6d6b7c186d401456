package org.scalingcoach.slack;

import com.slack.api.methods.response.chat.ChatStartStreamResponse;
import com.slack.api.model.block.LayoutBlock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows an answer with Slack's native streaming: {@code chat.startStream} with the first words,
 * {@code chat.appendStream} with each new piece (at most once per interval), and {@code
 * chat.stopStream} with the rest and the sources and feedback buttons at the end. When the
 * workspace refuses {@code chat.startStream}, the answer is shown with {@code chat.update} edits
 * instead ({@code fallback}), and {@code refused} is told so the next answers go there directly.
 */
final class NativeStream implements LiveAnswer {
  private static final Logger log = LoggerFactory.getLogger(NativeStream.class);

  /** Told when a workspace refuses native streaming for good (not for a passing failure). */
  interface Refusals {
    void refused(String reason);
  }

  private final SlackWebApi slack;
  private final Destination.Conversation where;
  private final String teamId;
  private final String userId;
  private final long intervalNanos;
  private final StreamingMessage fallback;
  private final Refusals refusals;
  private Posted posted;
  private String sent = "";
  private long lastSent;
  private boolean stopped;
  private boolean fallingBack;

  NativeStream(
      SlackWebApi slack,
      Destination.Conversation where,
      String teamId,
      String userId,
      Duration interval,
      Refusals refusals) {
    this.slack = slack;
    this.where = where;
    this.teamId = teamId;
    this.userId = userId;
    this.intervalNanos = interval.toNanos();
    this.fallback = new StreamingMessage(slack, where, interval);
    this.refusals = refusals;
  }

  @Override
  public synchronized void accept(String markdown) {
    if (fallingBack) {
      fallback.accept(markdown);
      return;
    }
    if (stopped || posted != null && System.nanoTime() - lastSent < intervalNanos) {
      return;
    }
    if (posted == null) {
      start(markdown);
      return;
    }
    if (!markdown.startsWith(sent)) {
      // Streamed text can only grow; a preview that rewrites it waits for the final answer.
      stopped = true;
      return;
    }
    String more = markdown.substring(sent.length());
    if (more.isEmpty()) {
      return;
    }
    try {
      slack.call(
          "chat.appendStream",
          client ->
              client.chatAppendStream(
                  r -> r.channel(posted.channel()).ts(posted.ts()).markdownText(more)));
      sent = markdown;
      lastSent = System.nanoTime();
    } catch (RuntimeException e) {
      stopped = true;
      log.warn("stopped streaming a partial answer in {}: {}", where.channel(), e.getMessage());
    }
  }

  private void start(String markdown) {
    try {
      ChatStartStreamResponse response =
          slack.call(
              "chat.startStream",
              client ->
                  client.chatStartStream(
                      r ->
                          r.channel(where.channel())
                              .threadTs(where.threadTs())
                              .markdownText(markdown)
                              .recipientTeamId(teamId)
                              .recipientUserId(userId)));
      String channel = response.getChannel() != null ? response.getChannel() : where.channel();
      posted = new Posted(channel, response.getTs());
      sent = markdown;
      lastSent = System.nanoTime();
    } catch (SlackCallFailed e) {
      if (permanent(e)) {
        refusals.refused(e.error());
      }
      log.info(
          "native streaming refused in {} ({}); showing the answer with edits",
          where.channel(),
          e.error());
      fallingBack = true;
      fallback.accept(markdown);
    }
  }

  @Override
  public synchronized Optional<Posted> complete(AnswerBlocks.Shown answer) {
    stopped = true;
    if (fallingBack) {
      return fallback.complete(answer);
    }
    if (posted == null) {
      return Optional.empty();
    }
    Posted at = posted;
    String text = AnswerBlocks.fallbackText(answer);
    List<LayoutBlock> blocks = AnswerBlocks.answer(answer);
    String markdown = answer.reply().markdown();
    if (markdown.startsWith(sent)) {
      String rest = markdown.substring(sent.length());
      List<LayoutBlock> tail = AnswerBlocks.afterStream(answer);
      slack.call(
          "chat.stopStream",
          client ->
              client.chatStopStream(
                  r -> {
                    r.channel(at.channel()).ts(at.ts()).blocks(tail);
                    return rest.isEmpty() ? r : r.markdownText(rest);
                  }));
      return Optional.of(at);
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
    slack.call(
        "chat.update",
        client ->
            client.chatUpdate(r -> r.channel(at.channel()).ts(at.ts()).text(text).blocks(blocks)));
    return Optional.of(at);
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
