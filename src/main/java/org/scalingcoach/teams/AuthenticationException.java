package org.scalingcoach.teams;

/** An incoming Bot Framework request failed authentication; the message says which rule. */
public final class AuthenticationException extends Exception {
  public AuthenticationException(String message) {
    super(message);
  }

  public AuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
