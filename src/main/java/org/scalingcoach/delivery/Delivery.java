package org.scalingcoach.delivery;

import java.util.List;

/**
 * One verified delivery from a chat platform as the inbox holds it: what arrived ({@code payload},
 * in the platform's own format), how far its handling got, and the messages its reply sent so far
 * ({@code sent}: the platform's id of each, in the order sent).
 */
public record Delivery(
    long id,
    String platform,
    String workspace,
    String key,
    String payload,
    State state,
    int attempts,
    List<String> sent) {

  public Delivery {
    sent = List.copyOf(sent);
  }

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

  /**
   * True when a crash may have come after a message went out that is not in {@code sent}: the reply
   * had started and none of its messages is recorded. (A later message can only be lost in the
   * moment between the platform's answer and its record, taken first in line.)
   */
  public boolean mayHaveSentUnrecorded() {
    return state == State.SENDING && sent.isEmpty();
  }
}
