package org.scalingcoach.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The delivery the current thread is working on, so that senders deep in an adapter can note in the
 * inbox that a reply is going out and which messages it became (and, when the delivery is redone
 * after a crash, to skip the ones that already went out), without every call passing the delivery
 * along. Outside a worker there is no current delivery and senders note nothing.
 */
public final class DeliveryScope implements AutoCloseable {
  private static final ThreadLocal<DeliveryScope> CURRENT = new ThreadLocal<>();

  /** What is recorded for a message the platform gave no id to. */
  public static final String NO_ID = "-";

  private static final String MARK_PREFIX = "coach-m-";

  private final Inbox inbox;
  private final Delivery delivery;
  private final Clock clock;
  private final DeliveryScope outer;
  private boolean sending;

  /** The platform's id of each message sent for the delivery, this try's and the earlier ones'. */
  private final List<String> sent;

  /** How many of this try's messages went out (or were found sent by an earlier try). */
  private int next;

  private DeliveryScope(Inbox inbox, Delivery delivery, Clock clock, DeliveryScope outer) {
    this.inbox = inbox;
    this.delivery = delivery;
    this.clock = clock;
    this.outer = outer;
    this.sent = new ArrayList<>(delivery.sent());
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

  /**
   * Asks before a call that sends a new message whether an earlier try of the current delivery
   * already sent it: the platform's id of that message when it did, so the caller skips the call
   * and goes on as if it had just made it. A delivery's messages are counted in the order they are
   * sent; one redone from its payload sends them in the same order, so the first ones a crash let
   * out are skipped and the rest are sent. Empty outside a worker and for every message not yet
   * sent, which the caller sends and then passes to {@link #sent}.
   */
  public static Optional<String> alreadySent() {
    DeliveryScope scope = CURRENT.get();
    if (scope == null || scope.next >= scope.sent.size()) {
      return Optional.empty();
    }
    return Optional.of(scope.sent.get(scope.next++));
  }

  /**
   * Records that the current delivery's next message went out, with the id the platform gave it
   * ({@code null} or empty when it gave none).
   */
  public static void sent(String messageRef) {
    DeliveryScope scope = CURRENT.get();
    if (scope != null) {
      String ref = messageRef == null || messageRef.isBlank() ? NO_ID : messageRef.strip();
      scope.sent.add(scope.next++, ref);
      try {
        scope.inbox.replied(
            scope.delivery.id(),
            List.copyOf(scope.sent.subList(0, scope.next)),
            scope.clock.instant());
      } catch (LeaseLostException e) {
        // Asked again before anything else goes out, so not even an apology for the failure is
        // sent from here: the replica that took the delivery over answers it.
        scope.sending = false;
        throw e;
      }
    }
  }

  /**
   * The message of the current delivery about to be sent (call it inside {@link #newMessage}'s
   * send): its delivery, its position among the delivery's messages, and whether an earlier try may
   * have sent it without its id being recorded. That is the first message not recorded of a
   * delivery a crash left while sending: messages go out one at a time, each recorded before the
   * next starts, so no later one can have gone out. An adapter that can read the chat looks for it
   * there before sending it again. Empty outside a worker.
   */
  public static Optional<NextMessage> nextMessage() {
    DeliveryScope scope = CURRENT.get();
    if (scope == null) {
      return Optional.empty();
    }
    boolean mayBeOut =
        scope.delivery.state() == Delivery.State.SENDING
            && scope.next == scope.delivery.sent().size();
    return Optional.of(new NextMessage(scope.delivery, scope.next, mayBeOut));
  }

  /** See {@link #nextMessage()}. */
  public record NextMessage(Delivery delivery, int index, boolean mayAlreadyBeOut) {
    /**
     * The mark this message carries on every try, so that its copy in the chat can be told apart
     * when the chat is read back after a crash (see {@link DeliveryScope#mark}).
     */
    public String mark() {
      return DeliveryScope.mark(delivery.platform(), delivery.workspace(), delivery.key(), index);
    }
  }

  /**
   * The mark of message {@code index} of the delivery with {@code key}: 96 bits of a hash of the
   * delivery and the message's place in its reply, so no two messages of a chat share one by
   * chance, and the same on every try of the delivery.
   */
  public static String mark(String platform, String workspace, String key, int index) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (platform + "\n" + workspace + "\n" + key + "\n" + index)
                      .getBytes(StandardCharsets.UTF_8));
      return MARK_PREFIX + HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** One call that puts a new message in the chat and returns what the platform answered. */
  @FunctionalInterface
  public interface Send<T, E extends Exception> {
    T send() throws E;
  }

  /**
   * Sends one new message of the current delivery, unless an earlier try of it already did: then
   * nothing is sent and {@code recorded} turns the id kept then into what {@code send} would have
   * returned. A message that does go out is recorded with the id {@code ref} reads from the answer
   * (null when the platform gave none). The adapters' senders all go through here, so a delivery
   * redone after a crash skips what went out and sends the rest, whatever the platform.
   */
  public static <T, E extends Exception> T newMessage(
      Send<T, E> send, Function<T, String> ref, Function<String, T> recorded) throws E {
    Optional<String> earlier = alreadySent();
    if (earlier.isPresent()) {
      return recorded.apply(earlier.get());
    }
    beforeSending();
    T answer = send.send();
    sent(ref.apply(answer));
    return answer;
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
