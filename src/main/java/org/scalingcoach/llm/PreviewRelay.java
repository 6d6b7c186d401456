package org.scalingcoach.llm;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands previews of an answer to a channel on {@code executor}, so a slow channel (Slack's Web API)
 * never holds up the thread reading the model's stream. Only the newest preview is kept: one that
 * arrives while the channel is busy replaces the one waiting.
 */
final class PreviewRelay implements Consumer<String> {
  private static final Logger log = LoggerFactory.getLogger(PreviewRelay.class);
  private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final Executor executor;
  private final Consumer<String> channel;
  private String waiting;
  private boolean draining;
  private boolean closed;

  PreviewRelay(Executor executor, Consumer<String> channel) {
    this.executor = executor;
    this.channel = channel;
  }

  @Override
  public synchronized void accept(String preview) {
    if (closed) {
      return;
    }
    waiting = preview;
    if (!draining) {
      draining = true;
      executor.execute(this::drain);
    }
  }

  private void drain() {
    while (true) {
      String next;
      synchronized (this) {
        if (closed || waiting == null) {
          draining = false;
          notifyAll();
          return;
        }
        next = waiting;
        waiting = null;
      }
      try {
        channel.accept(next);
      } catch (RuntimeException e) {
        // The final answer is still sent; only this preview is lost.
        log.warn("showing a partial answer failed: {}", e.toString());
      }
    }
  }

  /**
   * Sends no more previews and waits (briefly) for one being sent, so none lands after the final
   * answer.
   */
  synchronized void close() {
    closed = true;
    waiting = null;
    long until = System.nanoTime() + CLOSE_WAIT_NANOS;
    while (draining) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
