package org.scalingcoach.delivery;

/**
 * The delivery being worked on was taken over by another replica (this one stopped renewing its
 * lease, for instance while it could not reach the database): this replica must not reply to it.
 */
public final class LeaseLostException extends IllegalStateException {
  public LeaseLostException(long deliveryId) {
    super("delivery " + deliveryId + " was taken over by another replica; not replying to it");
  }
}
