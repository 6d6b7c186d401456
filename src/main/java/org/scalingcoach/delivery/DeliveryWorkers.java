package org.scalingcoach.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.scalingcoach.metrics.CoachMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes verified deliveries into the {@link Inbox} on the request thread and works them off on a
 * pool: each is claimed, handled, and marked done only after its reply was sent. At start-up the
 * deliveries a crash interrupted are resumed from the first message not yet recorded as sent, so a
 * reply of several messages is completed without sending one of them twice. When more than {@code
 * limit} deliveries are unfinished, new ones are refused so the platform retries later, instead of
 * being acknowledged and dropped.
 */
public final class DeliveryWorkers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);

  /** What happened to a delivery offered at the door. */
  public enum Admission {
    /** Stored; it will be answered. Acknowledge it. */
    ACCEPTED,
    /** Stored before (a retry or a replay): acknowledge it and do nothing. */
    DUPLICATE,
    /** The inbox is full: answer 503 so the platform delivers it again later. */
    FULL
  }

  /** A platform's way of redoing a delivery from its stored payload. */
  public interface Handler {
    /** Does the work of {@code delivery} from its payload, as after a restart. */
    void replay(Delivery delivery) throws Exception;

    /**
     * Whether the reply of a delivery interrupted while sending, with none of its messages
     * recorded, reached the chat all the same (the crash came between the platform's answer and the
     * record), so it is not sent twice. By default nobody can tell; a platform may look at the
     * conversation.
     */
    default boolean replied(Delivery delivery) {
      return false;
    }
  }

  /** The in-memory work of a delivery that was just accepted, saving a replay. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  private final Inbox inbox;
  private final Clock clock;
  private final int limit;
  private final Duration keepDone;
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final AtomicInteger unfinished = new AtomicInteger();

  /** When each delivery this process holds was stored or resumed: the inbox's age gauge. */
  private final Map<Long, Instant> waiting = new ConcurrentHashMap<>();

  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService housekeeping;
  private volatile ProcessorSlots slots = new ProcessorSlots(0);

  /**
   * @param threads how many deliveries are worked on at once (mostly waiting on the chat's API)
   * @param limit how many unfinished deliveries the inbox holds before it refuses new ones
   * @param keepDone how long finished deliveries stay, so a late retry is still known
   */
  public DeliveryWorkers(Inbox inbox, Clock clock, int threads, int limit, Duration keepDone) {
    if (threads < 1 || limit < 1) {
      throw new IllegalArgumentException("threads and limit must be positive");
    }
    this.inbox = inbox;
    this.clock = clock;
    this.limit = limit;
    this.keepDone = keepDone;
    this.workers =
        new ThreadPoolExecutor(
            threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named("delivery-"));
    this.housekeeping = Executors.newSingleThreadScheduledExecutor(named("inbox-prune-"));
    CoachMetrics.queue("inbox", this::unfinished, this::oldestSeconds);
  }

  /** Limits how many delivery threads compute at once (see {@link ProcessorSlots}). */
  public DeliveryWorkers computingAtOnce(ProcessorSlots slots) {
    this.slots = slots;
    return this;
  }

  /** Lets {@code platform}'s deliveries be replayed; register before {@link #resume()}. */
  public void register(String platform, Handler handler) {
    handlers.put(platform, handler);
  }

  /**
   * Resumes the deliveries left unfinished by this replica's previous run (on SQLite: all of them),
   * then keeps renewing the leases of the deliveries it holds, takes over those of replicas that
   * stopped renewing theirs, and prunes finished ones.
   */
  public void resume() {
    inbox.prune(clock.instant().minus(keepDone));
    List<Long> left = inbox.resumeAtStart(clock.instant());
    unfinished.addAndGet(left.size());
    if (!left.isEmpty()) {
      log.info("resuming {} deliveries left unfinished by the previous run", left.size());
    }
    left.forEach(
        id -> {
          waiting.put(id, clock.instant());
          schedule(id, null);
        });
    long every = Math.max(1, keepDone.toMinutes() / 4);
    housekeeping.scheduleWithFixedDelay(this::prune, every, every, TimeUnit.MINUTES);
    long leaseCheck = Math.max(500, inbox.lease().toMillis() / 3);
    housekeeping.scheduleWithFixedDelay(
        this::keepLeases, leaseCheck, leaseCheck, TimeUnit.MILLISECONDS);
  }

  /**
   * Renews this replica's leases and takes over deliveries whose holder let theirs run out. While
   * the database cannot be reached both fail: this replica then claims nothing, and its own
   * deliveries pass to a replica that can.
   */
  private void keepLeases() {
    try {
      inbox.renew(clock.instant());
      int room = limit - unfinished.get();
      if (room <= 0) {
        return;
      }
      List<Long> taken = inbox.takeOver(clock.instant(), room);
      if (!taken.isEmpty()) {
        log.info("took over {} deliveries from a replica that stopped renewing them", taken.size());
        unfinished.addAndGet(taken.size());
        taken.forEach(
            id -> {
              waiting.put(id, clock.instant());
              schedule(id, null);
            });
      }
    } catch (RuntimeException e) {
      log.warn("renewing or taking over delivery leases failed; will try again: {}", e.toString());
    }
  }

  /**
   * Stores {@code delivery} (on the request thread, before it is acknowledged) and schedules {@code
   * work} for it; with no work, the platform's handler replays it from the payload.
   */
  public Admission accept(NewDelivery delivery, Work work) {
    if (unfinished.incrementAndGet() > limit) {
      unfinished.decrementAndGet();
      log.warn(
          "inbox full ({} unfinished): {} delivery refused with 503", limit, delivery.platform());
      return Admission.FULL;
    }
    // Stored already claimed (one write, not two): this process works on it straight away.
    Optional<Delivery> claimed;
    try {
      claimed = inbox.addClaimed(delivery, clock.instant());
    } catch (RuntimeException e) {
      unfinished.decrementAndGet();
      throw e;
    }
    if (claimed.isEmpty()) {
      unfinished.decrementAndGet();
      return Admission.DUPLICATE;
    }
    Delivery stored = claimed.get();
    waiting.put(stored.id(), clock.instant());
    long storedAt = System.nanoTime();
    workers.execute(() -> slots.run(() -> process(stored.id(), () -> claimed, work, storedAt)));
    return Admission.ACCEPTED;
  }

  /**
   * Records a delivery that must be answered in the HTTP response and runs {@code work} for it on
   * this thread; a repeated delivery is answered again (the work must tolerate that) but stored
   * once.
   */
  public <T> T answerNow(NewDelivery delivery, java.util.function.Supplier<T> work) {
    Optional<Delivery> stored = inbox.addClaimed(delivery, clock.instant());
    if (stored.isEmpty()) {
      return work.get();
    }
    Delivery claimed = stored.get();
    Delivery.State end = Delivery.State.FAILED;
    try (DeliveryScope scope = DeliveryScope.enter(inbox, claimed, clock)) {
      T result = work.get();
      end = Delivery.State.DONE;
      return result;
    } finally {
      inbox.finish(claimed.id(), end, clock.instant());
    }
  }

  /** How many deliveries are stored and not finished. */
  public int unfinished() {
    return unfinished.get();
  }

  /**
   * Seconds the oldest unfinished delivery has waited since it was stored (or, after a restart,
   * resumed); 0 when there is none.
   */
  public double oldestSeconds() {
    Instant now = clock.instant();
    return waiting.values().stream()
        .mapToDouble(since -> Duration.between(since, now).toMillis() / 1000.0)
        .max()
        .orElse(0);
  }

  private void schedule(long id, Work work) {
    long scheduledAt = System.nanoTime();
    workers.execute(
        () ->
            slots.run(
                () -> process(id, () -> inbox.claim(id, clock.instant()), work, scheduledAt)));
  }

  private void process(
      long id, java.util.function.Supplier<Optional<Delivery>> claim, Work work, long queuedAt) {
    long taken = System.nanoTime();
    String platform = null;
    try {
      Optional<Delivery> claimed = claim.get();
      if (claimed.isEmpty()) {
        return;
      }
      Delivery delivery = claimed.get();
      platform = delivery.platform();
      Handler handler = handlers.get(delivery.platform());
      // A redone delivery skips the messages recorded as sent and sends the rest (DeliveryScope).
      if (work == null
          && delivery.mayHaveSentUnrecorded()
          && handler != null
          && handler.replied(delivery)) {
        log.info("{} delivery {} was answered before the restart", delivery.platform(), id);
        inbox.finish(id, Delivery.State.DONE, clock.instant());
        return;
      }
      inbox.finish(id, run(delivery, handler, work), clock.instant());
    } catch (RuntimeException e) {
      // The row stays unfinished and is resumed at the next start.
      log.error("inbox bookkeeping for delivery {} failed", id, e);
    } finally {
      waiting.remove(id);
      unfinished.decrementAndGet();
      if (platform != null) {
        CoachMetrics.delivery(platform, taken - queuedAt, System.nanoTime() - taken);
      }
    }
  }

  private Delivery.State run(Delivery delivery, Handler handler, Work work) {
    try (DeliveryScope scope = DeliveryScope.enter(inbox, delivery, clock)) {
      if (work != null) {
        work.run();
      } else if (handler != null) {
        handler.replay(delivery);
      } else {
        log.error(
            "no handler for {} deliveries; {} left unanswered", delivery.platform(), delivery.id());
        return Delivery.State.FAILED;
      }
      return Delivery.State.DONE;
    } catch (Exception e) {
      log.error("handling {} delivery {} failed", delivery.platform(), delivery.id(), e);
      return Delivery.State.FAILED;
    }
  }

  private void prune() {
    try {
      int pruned = inbox.prune(clock.instant().minus(keepDone));
      log.debug("pruned {} finished deliveries", pruned);
    } catch (RuntimeException e) {
      log.warn("pruning the inbox failed; will try again", e);
    }
  }

  /**
   * Finishes the deliveries already queued (for a while); whatever is left stays in the inbox and
   * is resumed by the next start.
   */
  @Override
  public void close() {
    housekeeping.shutdownNow();
    stop(workers);
  }

  /** Lets {@code pool} finish what it holds for up to ten seconds, then stops it. */
  static void stop(ExecutorService pool) {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
