package org.scalingcoach.admin;

/** An admin action refused, with a message to show the person as it is. */
public final class AdminException extends RuntimeException {

  public AdminException(String message) {
    super(message);
  }
}
