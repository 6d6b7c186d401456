package org.scalingcoach.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.scalingcoach.audit.AuditException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-audit schedules and the one-time nudge for audits left open: managers schedule, a background
 * task checks what is due and hands it to the {@link ReminderDelivery}.
 */
public final class Reminders implements AutoCloseable {
  /** An audit untouched this long gets one nudge. */
  public static final Duration IDLE = Duration.ofDays(7);

  private static final Logger log = LoggerFactory.getLogger(Reminders.class);
  private final ReminderStore store;
  private final Supplier<AuditCatalog> catalog;
  private final ManagerPolicy managers;
  private final ReminderDelivery delivery;
  private final Clock clock;
  private ScheduledExecutorService executor;
  private volatile BooleanSupplier ourTurn = () -> true;

  public Reminders(
      ReminderStore store,
      AuditCatalog catalog,
      ManagerPolicy managers,
      ReminderDelivery delivery,
      Clock clock) {
    this(store, () -> catalog, managers, delivery, clock);
  }

  /** Reminders that look audits up in whatever {@code catalog} holds at the time. */
  public Reminders(
      ReminderStore store,
      Supplier<AuditCatalog> catalog,
      ManagerPolicy managers,
      ReminderDelivery delivery,
      Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.managers = managers;
    this.delivery = delivery;
    this.clock = clock;
  }

  /** What one check sent. */
  public record Sent(int reminders, int nudges) {}

  /** The longest interval between re-audits, in days (about 27 years). */
  public static final int MAX_EVERY_DAYS = 9_999;

  /** The number of days a person typed between re-audits, refused plainly when out of range. */
  public static int parseEveryDays(String typed) {
    String digits = typed == null ? "" : typed.strip();
    if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) {
      throw new AuditException(
          Reason.INVALID_INPUT,
          "Give the number of days between audits, from 1 to " + MAX_EVERY_DAYS + ", e.g. 90.");
    }
    return Integer.parseInt(digits);
  }

  /**
   * Schedules a re-audit of {@code subject} every {@code everyDays} days, first due after one
   * interval.
   */
  public ReminderSchedule schedule(
      Actor manager, String type, String subject, String ownerUserId, int everyDays) {
    if (!managers.isManager(manager)) {
      throw new AuditException(
          Reason.NOT_YOURS,
          "Only managers can schedule re-audits. Ask an admin to grant you the manager role.");
    }
    AuditDefinition definition =
        catalog
            .get()
            .find(type)
            .orElseThrow(
                () ->
                    new AuditException(
                        Reason.UNKNOWN_TYPE, "There is no audit called '" + type + "'."));
    if (everyDays < 1 || everyDays > 3650) {
      throw new AuditException(Reason.INVALID_INPUT, "Choose an interval between 1 and 3650 days.");
    }
    String clean = subject == null ? "" : subject.strip().replaceAll("\\s+", " ");
    if (clean.isEmpty() || clean.length() > AuditEngine.MAX_SUBJECT_LENGTH) {
      throw new AuditException(
          Reason.INVALID_INPUT,
          "Please name the subject to re-audit, for example \"Churn model — EMEA\".");
    }
    Instant due = clock.instant().plus(Duration.ofDays(everyDays));
    return store.save(
        new ReminderSchedule(
            0,
            manager.teamId(),
            definition.id(),
            clean,
            ownerUserId,
            everyDays,
            manager.userId(),
            due));
  }

  public List<ReminderSchedule> list(Actor actor) {
    return store.list(actor.teamId()).stream()
        .filter(s -> managers.isManager(actor) || s.ownerUserId().equals(actor.userId()))
        .toList();
  }

  public boolean cancel(Actor manager, long scheduleId) {
    if (!managers.isManager(manager)) {
      throw new AuditException(Reason.NOT_YOURS, "Only managers can cancel re-audit reminders.");
    }
    return store.delete(manager.teamId(), scheduleId);
  }

  /** Sends every due reminder and nudge once; safe to run from several threads or processes. */
  public Sent runDue() {
    Instant now = clock.instant();
    int reminders = 0;
    for (ReminderSchedule schedule : store.due(now)) {
      Instant next = now.plus(Duration.ofDays(schedule.everyDays()));
      if (!store.moveDue(schedule.id(), schedule.nextDueAt(), next)) {
        continue;
      }
      try {
        delivery.remind(schedule);
        reminders++;
      } catch (ReminderRouter.UnreachableException e) {
        log.warn("re-audit reminder {} waits: {}", schedule.id(), e.getMessage());
        store.moveDue(schedule.id(), next, schedule.nextDueAt());
      } catch (RuntimeException e) {
        log.error(
            "re-audit reminder {} for {} could not be delivered; retrying at the next check",
            schedule.id(),
            schedule.ownerUserId(),
            e);
        store.moveDue(schedule.id(), next, schedule.nextDueAt());
      }
    }
    int nudges = 0;
    for (AuditRecord audit : store.idleAudits(now.minus(IDLE))) {
      if (!store.markNudged(audit.id(), now)) {
        continue;
      }
      try {
        delivery.nudge(audit);
        nudges++;
      } catch (ReminderRouter.UnreachableException e) {
        log.warn("nudge for idle audit {} dropped: {}", audit.id(), e.getMessage());
      } catch (RuntimeException e) {
        log.error("nudge for idle audit {} could not be delivered", audit.id(), e);
      }
    }
    return new Sent(reminders, nudges);
  }

  /** Checks for due reminders every {@code interval} in the background until closed. */
  public synchronized void start(Duration interval) {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "audit-reminders");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Makes the background checks run only while {@code ourTurn} says so: with several replicas on
   * one database, only the one holding the reminders' lease sends them.
   */
  public Reminders takingTurns(BooleanSupplier ourTurn) {
    this.ourTurn = ourTurn;
    return this;
  }

  private void runSafely() {
    if (!ourTurn.getAsBoolean()) {
      return;
    }
    try {
      Sent sent = runDue();
      if (sent.reminders() + sent.nudges() > 0) {
        log.info("sent {} re-audit reminder(s) and {} nudge(s)", sent.reminders(), sent.nudges());
      }
    } catch (RuntimeException e) {
      log.error("reminder check failed; trying again at the next interval", e);
    }
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
