package org.scalingcoach.conversation;

import java.time.Duration;
import java.util.List;

/**
 * Remembers the clicks already acted on, so that {@link ConversationService} can tell a double
 * click from a new one on every platform; the store implements it. A claim taken while a delivery
 * is worked on belongs to that delivery, so the same delivery redone after a crash is not mistaken
 * for a second click.
 */
public interface Clicks {
  /**
   * Claims {@code keys} in {@code platform}'s {@code workspace} for {@code window}: true the first
   * time, false while any of them is still claimed by another delivery.
   */
  boolean claim(String platform, String workspace, List<String> keys, Duration window);
}
