package org.scalingcoach.slack;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.scalingcoach.delivery.LivePreview;

/**
 * An answer shown while it is being written ({@link #accept} gets the whole text so far, in
 * Markdown) at the pace {@link LivePreview} keeps, and then turned into the final answer.
 */
final class LiveAnswer implements Consumer<String> {

  /** Where a live answer was posted. */
  record Posted(String channel, String ts) {}

  /** A Slack way of showing the text so far that can also become the final answer. */
  interface Screen extends LivePreview.Screen {
    /** Turns the message showing {@code shown} into {@code answer}; returns where it is. */
    Posted complete(AnswerBlocks.Shown answer, String shown);
  }

  private final LivePreview preview;
  private final Screen screen;

  LiveAnswer(Screen screen, Duration interval, String channel) {
    this.preview = new LivePreview(screen, interval, channel);
    this.screen = screen;
  }

  @Override
  public void accept(String markdown) {
    preview.accept(markdown);
  }

  /**
   * Stops previews and turns the message into {@code answer}. Returns where it is, or empty when
   * nothing was posted and the caller must post the answer.
   */
  Optional<Posted> complete(AnswerBlocks.Shown answer) {
    return preview.finish(
        shown -> shown == null ? Optional.empty() : Optional.of(screen.complete(answer, shown)));
  }
}
