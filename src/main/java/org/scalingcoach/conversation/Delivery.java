package org.scalingcoach.conversation;

/**
 * One verified delivery from a chat platform as the inbox holds it: what arrived ({@code payload},
 * in the platform's own format), how far its handling got, and the reply sent for it, if any.
 */
public record Delivery(
    long id,
    String platform,
    String workspace,
    String key,
    String payload,
    State state,
    int attempts,
    String replyRef) {

  /** Where a delivery is in its handling. */
  public enum State {
    /** Stored and acknowledged, not started. */
    PENDING,
    /** A worker is answering it; nothing has been sent yet. */
    WORKING,
    /** A worker has started sending its reply. */
    SENDING,
    /** The reply was sent. */
    DONE,
    /** Handling failed and the person was told; not retried. */
    FAILED;

    public boolean finished() {
      return this == DONE || this == FAILED;
    }
  }

  /** True when a crash may have come after (part of) the reply went out. */
  public boolean mayHaveReplied() {
    return state == State.SENDING || replyRef != null;
  }
}
