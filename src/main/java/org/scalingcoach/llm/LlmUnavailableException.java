package org.scalingcoach.llm;

/** The model gave no usable reply; the coach falls back to an extractive answer. */
final class LlmUnavailableException extends Exception {

  /** Why the model could not be used, which decides the note the user sees. */
  enum Reason {
    TIMEOUT,
    RATE_LIMITED,
    PROVIDER_ERROR
  }

  private final Reason reason;

  LlmUnavailableException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }
}
