package org.scalingcoach.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.scalingcoach.metrics.CoachMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an adapter's handlers put what they do after the platform's acknowledgement (Slack wants
 * one within 3 seconds). While a request is taken at the door the work is only collected, so it can
 * be stored in the inbox with the delivery; on an inbox worker it runs at once, so the delivery is
 * done when its work is. Work from elsewhere (a socket, reminders) runs on a bounded pool; a full
 * queue is logged rather than blocking the caller.
 */
public final class BackgroundWork implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);
  private static final ThreadLocal<List<Runnable>> COLLECTING = new ThreadLocal<>();
  private final ThreadPoolExecutor executor;
  private final String platform;

  /**
   * @param platform names the threads ({@code slack-work-1}) and the queue metric ({@code
   *     slack_work})
   */
  public BackgroundWork(String platform, int threads, int queueSize) {
    this.platform = platform;
    AtomicInteger count = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queueSize),
            task -> {
              Thread thread = new Thread(task, platform + "-work-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    CoachMetrics.queue(
        platform + "_work", () -> executor.getQueue().size(), this::oldestWaitSeconds);
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

  /**
   * Runs {@code task} later; {@code what} names it in the log if it fails or cannot be queued. On
   * an inbox worker it runs now and its failure fails the delivery.
   */
  public void submit(String what, Runnable task) {
    List<Runnable> collecting = COLLECTING.get();
    if (collecting != null) {
      collecting.add(task);
      return;
    }
    if (DeliveryScope.current().isPresent()) {
      task.run();
      return;
    }
    try {
      executor.execute(
          new Queued(
              System.nanoTime(),
              () -> {
                try {
                  task.run();
                } catch (RuntimeException e) {
                  log.error("background {} work failed: {}", platform, what, e);
                }
              }));
    } catch (RejectedExecutionException e) {
      log.error("too much {} work queued; dropped: {}", platform, what);
    }
  }

  /** Runs {@code request} and returns its result with the work it submitted, which is not run. */
  public static <T> Collected<T> collect(Callable<T> request) throws Exception {
    List<Runnable> tasks = new ArrayList<>();
    List<Runnable> outer = COLLECTING.get();
    COLLECTING.set(tasks);
    try {
      return new Collected<>(request.call(), tasks);
    } finally {
      if (outer == null) {
        COLLECTING.remove();
      } else {
        COLLECTING.set(outer);
      }
    }
  }

  /** A result with the background work that producing it submitted. */
  public record Collected<T>(T result, List<Runnable> work) {}

  @Override
  public void close() {
    DeliveryWorkers.stop(executor);
  }
}
