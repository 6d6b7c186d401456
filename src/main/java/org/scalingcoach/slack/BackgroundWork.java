package org.scalingcoach.slack;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.scalingcoach.metrics.CoachMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded pool that does everything after Slack's 3-second acknowledgement: retrieval, answers
 * and Web API calls. A full queue is logged rather than blocking the request thread.
 */
public final class BackgroundWork implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);
  private final ThreadPoolExecutor executor;

  public BackgroundWork(int threads, int queueSize) {
    AtomicInteger count = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queueSize),
            task -> {
              Thread thread = new Thread(task, "slack-work-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    CoachMetrics.queue("slack_work", () -> executor.getQueue().size(), this::oldestWaitSeconds);
  }

  /** A task with the time it was queued, so the age of the oldest waiting one can be read. */
  private record Queued(long queuedNanos, Runnable task) implements Runnable {
    @Override
    public void run() {
      task.run();
    }
  }

  private double oldestWaitSeconds() {
    Runnable head = executor.getQueue().peek();
    return head instanceof Queued queued ? (System.nanoTime() - queued.queuedNanos()) / 1e9 : 0;
  }

  /** Runs {@code task} later; {@code what} names it in the log if it fails or cannot be queued. */
  public void submit(String what, Runnable task) {
    try {
      executor.execute(
          new Queued(
              System.nanoTime(),
              () -> {
                try {
                  task.run();
                } catch (RuntimeException e) {
                  log.error("background Slack work failed: {}", what, e);
                }
              }));
    } catch (RejectedExecutionException e) {
      log.error("too much Slack work queued; dropped: {}", what);
    }
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
