package org.scalingcoach.conversation;

import java.time.Clock;
import java.util.Optional;

/**
 * The delivery the current thread is working on, so that senders deep in an adapter can note in the
 * inbox that a reply is going out and which message it became, without every call passing the
 * delivery along. Outside a worker there is no current delivery and senders note nothing.
 */
public final class DeliveryScope implements AutoCloseable {
  private static final ThreadLocal<DeliveryScope> CURRENT = new ThreadLocal<>();

  private final Inbox inbox;
  private final Delivery delivery;
  private final Clock clock;
  private final DeliveryScope outer;
  private boolean sending;
  private String replyRef;

  private DeliveryScope(Inbox inbox, Delivery delivery, Clock clock, DeliveryScope outer) {
    this.inbox = inbox;
    this.delivery = delivery;
    this.clock = clock;
    this.outer = outer;
    this.replyRef = delivery.replyRef();
  }

  static DeliveryScope enter(Inbox inbox, Delivery delivery, Clock clock) {
    DeliveryScope scope = new DeliveryScope(inbox, delivery, clock, CURRENT.get());
    CURRENT.set(scope);
    return scope;
  }

  /** The delivery being worked on by this thread, if any. */
  public static Optional<DeliveryScope> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Notes the delivery's reply is about to be sent; call before any call that changes the chat. */
  public static void beforeSending() {
    DeliveryScope scope = CURRENT.get();
    if (scope != null && !scope.sending) {
      // Noted only once it succeeded: a delivery another replica took over stays refused, so not
      // even an apology for the refusal goes out from here.
      scope.inbox.sending(scope.delivery.id(), scope.clock.instant());
      scope.sending = true;
    }
  }

  /** Keeps the id the platform gave the first reply sent for the current delivery. */
  public static void sent(String replyRef) {
    DeliveryScope scope = CURRENT.get();
    if (scope != null && scope.replyRef == null && replyRef != null) {
      scope.replyRef = replyRef;
      scope.inbox.replied(scope.delivery.id(), replyRef, scope.clock.instant());
    }
  }

  /**
   * True when the current delivery is being done again after a crash: work that finds its effect
   * already stored must still send what the person is waiting for, since the first try may have
   * died before sending it.
   */
  public static boolean redoing() {
    DeliveryScope scope = CURRENT.get();
    return scope != null && scope.delivery.attempts() > 0;
  }

  public Delivery delivery() {
    return delivery;
  }

  @Override
  public void close() {
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }
}
