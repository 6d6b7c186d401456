package org.scalingcoach.slack;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * A message that shows an answer while it is being written ({@link #accept} gets the whole text so
 * far, in Markdown) and then becomes the final answer.
 */
interface LiveAnswer extends Consumer<String> {

  /** Where a live answer was posted. */
  record Posted(String channel, String ts) {}

  /**
   * Stops previews and turns the message into {@code answer}. Returns where it is, or empty when
   * nothing was posted and the caller must post the answer.
   */
  Optional<Posted> complete(AnswerBlocks.Shown answer);
}
