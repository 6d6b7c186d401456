package org.scalingcoach.store;

/** A storage operation failed; the message names the database and the operation. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
