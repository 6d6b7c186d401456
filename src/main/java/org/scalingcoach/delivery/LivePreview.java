package org.scalingcoach.delivery;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pace of a reply shown while it is written, for any platform that can show one: the text so
 * far goes to the {@link Screen} at most once per interval (chat APIs allow about one message call
 * a second per conversation); the first failure stops the preview, as the final reply still goes
 * out; and {@link #finish} waits for an update in flight, so none can land after the final reply.
 */
public final class LivePreview implements Consumer<String> {
  private static final Logger log = LoggerFactory.getLogger(LivePreview.class);

  /** Where the platform shows the text so far. */
  public interface Screen {
    /** Shows {@code text}, the first words of the reply. */
    void open(String text);

    /** Shows {@code text} where {@code shown} is on screen now. */
    void grow(String shown, String text);

    /**
     * True when the screen can only add to what it shows (a native stream): a text that rewrites
     * the start then ends the preview, and the final reply replaces it.
     */
    default boolean appendOnly() {
      return false;
    }
  }

  private final Screen screen;
  private final long intervalNanos;
  private final String where;
  private String shown;
  private long lastShown;
  private boolean stopped;

  /** {@code where} names the conversation in the log when the preview stops on a failure. */
  public LivePreview(Screen screen, Duration interval, String where) {
    this.screen = screen;
    this.intervalNanos = interval.toNanos();
    this.where = where;
  }

  /** Shows {@code text}, the whole reply written so far, unless the last update is too recent. */
  @Override
  public synchronized void accept(String text) {
    if (stopped || shown != null && System.nanoTime() - lastShown < intervalNanos) {
      return;
    }
    if (shown != null && screen.appendOnly() && !text.startsWith(shown)) {
      stopped = true; // what is on screen cannot be rewritten: the final reply will replace it
      return;
    }
    if (text.equals(shown)) {
      return;
    }
    try {
      if (shown == null) {
        screen.open(text);
      } else {
        screen.grow(shown, text);
      }
      shown = text;
      lastShown = System.nanoTime();
    } catch (RuntimeException e) {
      stopped = true;
      log.warn("stopped showing a partial reply in {}: {}", where, e.getMessage());
    }
  }

  /**
   * Stops the preview and runs {@code last} with what is on screen (null when nothing was shown):
   * the final reply, sent once no update is in flight.
   */
  public synchronized <T> T finish(Function<String, T> last) {
    stopped = true;
    return last.apply(shown);
  }
}
