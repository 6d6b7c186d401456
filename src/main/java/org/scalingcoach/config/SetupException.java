package org.scalingcoach.config;

/**
 * Something the operator has to fix before the coach can start or a command can run (a refused
 * token, a missing database, a folder it may not write). The message is one line that says what is
 * wrong and what to do; it is printed without a stack trace.
 */
public final class SetupException extends RuntimeException {
  public SetupException(String message) {
    super(message);
  }

  public SetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
