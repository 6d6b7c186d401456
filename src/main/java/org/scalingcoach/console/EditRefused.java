package org.scalingcoach.console;

/** A console change that was not made, with the reason to show the admin as it is. */
public final class EditRefused extends RuntimeException {

  public EditRefused(String message) {
    super(message);
  }
}
