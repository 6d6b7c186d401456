package org.scalingcoach.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows an answer while it is being written: posts the first words as a message in the
 * conversation, then edits it with {@code chat.update} at most once per interval (Slack allows
 * about one message call a second per channel). The final answer, with sources and buttons, then
 * replaces it through {@link #complete}. Used where Slack's native streaming is not available.
 */
final class StreamingMessage implements LiveAnswer {
  private static final Logger log = LoggerFactory.getLogger(StreamingMessage.class);
  static final Duration INTERVAL = Duration.ofSeconds(1);
  static final String WRITING = " _…_";

  private final SlackWebApi slack;
  private final Destination.Conversation where;
  private final long intervalNanos;
  private Posted posted;
  private long lastSent;
  private boolean stopped;

  StreamingMessage(SlackWebApi slack, Destination.Conversation where, Duration interval) {
    this.slack = slack;
    this.where = where;
    this.intervalNanos = interval.toNanos();
  }

  /** Shows {@code markdown}, the whole answer written so far, unless the last update is recent. */
  @Override
  public synchronized void accept(String markdown) {
    if (stopped || posted != null && System.nanoTime() - lastSent < intervalNanos) {
      return;
    }
    String text = Mrkdwn.fromMarkdown(markdown) + WRITING;
    try {
      if (posted == null) {
        ChatPostMessageResponse response =
            slack.call(
                "chat.postMessage",
                client ->
                    client.chatPostMessage(
                        r ->
                            r.channel(where.channel())
                                .threadTs(where.threadTs())
                                .text(text)
                                .unfurlLinks(false)
                                .unfurlMedia(false)));
        String channel = response.getChannel() != null ? response.getChannel() : where.channel();
        posted = new Posted(channel, response.getTs());
      } else {
        slack.call(
            "chat.update",
            client ->
                client.chatUpdate(r -> r.channel(posted.channel()).ts(posted.ts()).text(text)));
      }
      lastSent = System.nanoTime();
    } catch (RuntimeException e) {
      // The final answer is still sent; only the live preview stops.
      stopped = true;
      log.warn("stopped showing a partial answer in {}: {}", where.channel(), e.getMessage());
    }
  }

  /**
   * Stops updating and replaces the posted preview, if any, with the final answer. Being
   * synchronized, it waits for an update in flight, so none can land after the final answer.
   */
  @Override
  public synchronized Optional<Posted> complete(AnswerBlocks.Shown answer) {
    stopped = true;
    if (posted == null) {
      return Optional.empty();
    }
    Posted at = posted;
    String text = AnswerBlocks.fallbackText(answer);
    List<LayoutBlock> blocks = AnswerBlocks.answer(answer);
    slack.call(
        "chat.update",
        client ->
            client.chatUpdate(r -> r.channel(at.channel()).ts(at.ts()).text(text).blocks(blocks)));
    return Optional.of(at);
  }
}
