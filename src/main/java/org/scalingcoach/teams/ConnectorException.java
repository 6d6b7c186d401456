package org.scalingcoach.teams;

/** A call to the Bot Connector (or its token endpoint) failed for good, after any retries. */
public final class ConnectorException extends Exception {
  public ConnectorException(String message) {
    super(message);
  }

  public ConnectorException(String message, Throwable cause) {
    super(message, cause);
  }
}
