package org.scalingcoach.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import java.time.Duration;
import java.util.List;

/**
 * Shows an answer while it is being written with plain messages: posts the first words in the
 * conversation, then edits the message with {@code chat.update}; the final answer, with sources and
 * buttons, then replaces it. Used where Slack's native streaming is not available.
 */
final class StreamingMessage implements LiveAnswer.Screen {
  static final Duration INTERVAL = Duration.ofSeconds(1);
  static final String WRITING = " _…_";

  private final SlackWebApi slack;
  private final Destination.Conversation where;
  private LiveAnswer.Posted posted;

  StreamingMessage(SlackWebApi slack, Destination.Conversation where) {
    this.slack = slack;
    this.where = where;
  }

  @Override
  public void open(String markdown) {
    String text = Mrkdwn.fromMarkdown(markdown) + WRITING;
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
    posted = new LiveAnswer.Posted(channel, response.getTs());
  }

  @Override
  public void grow(String shown, String markdown) {
    String text = Mrkdwn.fromMarkdown(markdown) + WRITING;
    LiveAnswer.Posted at = posted;
    slack.call(
        "chat.update",
        client -> client.chatUpdate(r -> r.channel(at.channel()).ts(at.ts()).text(text)));
  }

  @Override
  public LiveAnswer.Posted complete(AnswerBlocks.Shown answer, String shown) {
    LiveAnswer.Posted at = posted;
    String text = AnswerBlocks.fallbackText(answer);
    List<LayoutBlock> blocks = AnswerBlocks.answer(answer);
    slack.call(
        "chat.update",
        client ->
            client.chatUpdate(r -> r.channel(at.channel()).ts(at.ts()).text(text).blocks(blocks)));
    return at;
  }
}
