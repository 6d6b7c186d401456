package org.scalingcoach.conversation;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Plays a chat platform through a crash: sends deliveries to a child coach from several threads,
 * kills it with SIGKILL once half of them were acknowledged, starts it again and, as Slack and the
 * Bot Framework do, delivers again every one that got no 2xx (also after a 503) until each has one.
 */
public final class KillAndRedeliver {
  private static final int SENDERS = 8;

  /** Sends delivery {@code index} to the coach on {@code port}; returns the HTTP status. */
  @FunctionalInterface
  public interface Sender {
    int send(int port, int index, boolean retry) throws Exception;
  }

  /**
   * What the run did, and the restarted coach, which the caller closes; {@code killedAt} is when
   * the SIGKILL was sent: whatever the platform took after it was on the wire when the coach died.
   */
  public record Outcome(
      int ackedBeforeKill, int redelivered, Instant killedAt, ChildCoach restarted) {}

  private KillAndRedeliver() {}

  public static Outcome run(int count, Callable<ChildCoach> start, Sender sender) throws Exception {
    return run(count, start, sender, () -> {});
  }

  /** The same, running {@code whileDown} between the kill and the restart. */
  public static Outcome run(
      int count, Callable<ChildCoach> start, Sender sender, Runnable whileDown) throws Exception {
    AtomicIntegerArray acked = new AtomicIntegerArray(count);
    AtomicInteger acks = new AtomicInteger();
    ChildCoach first = start.call();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    for (int i = 0; i < count; i++) {
      int index = i;
      senders.execute(
          () -> {
            try {
              if (sender.send(first.port(), index, false) / 100 == 2) {
                acked.set(index, 1);
                acks.incrementAndGet();
              }
            } catch (Exception e) {
              // refused or reset by the kill: not acknowledged, so delivered again below
            }
          });
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> acks.get() >= count / 2);
    Instant killedAt = Instant.now();
    first.kill();
    int ackedBeforeKill = acks.get();
    senders.shutdown();
    senders.awaitTermination(60, TimeUnit.SECONDS);
    ackedBeforeKill = Math.max(ackedBeforeKill, acks.get());
    whileDown.run();
    ChildCoach restarted = start.call();
    int redelivered = 0;
    for (int i = 0; i < count; i++) {
      if (acked.get(i) == 1) {
        continue;
      }
      redelivered++;
      int index = i;
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> sender.send(restarted.port(), index, true) / 100 == 2);
    }
    return new Outcome(ackedBeforeKill, redelivered, killedAt, restarted);
  }
}
