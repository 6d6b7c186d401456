package org.scalingcoach.delivery;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;

/**
 * A delivery whose worker dies partway, the way a kill would (no bookkeeping runs after it), and
 * the next start that resumes it on the same inbox.
 */
public final class CutOff {
  private CutOff() {}

  /** Thrown by a test's work where the process dies. */
  public static final class Died extends Error {
    public Died() {
      super("the process died here", null, false, false);
    }
  }

  /** Accepts {@code delivery} and runs {@code work}, which ends by throwing {@link Died}. */
  public static void acceptAndDie(Inbox inbox, NewDelivery delivery, DeliveryWorkers.Work work)
      throws Exception {
    try (DeliveryWorkers first = workers(inbox)) {
      first.accept(delivery, work);
      await().dontCatchUncaughtExceptions().until(() -> first.unfinished() == 0);
    }
  }

  /** Starts again on {@code inbox} and waits until every delivery left in it is finished. */
  public static void resume(Inbox inbox, String platform, DeliveryWorkers.Handler handler) {
    try (DeliveryWorkers restarted = workers(inbox)) {
      restarted.register(platform, handler);
      restarted.resume();
      await().until(() -> inbox.unfinished().isEmpty());
    }
  }

  private static DeliveryWorkers workers(Inbox inbox) {
    return new DeliveryWorkers(inbox, Clock.systemUTC(), 1, 10, Duration.ofDays(1));
  }
}
