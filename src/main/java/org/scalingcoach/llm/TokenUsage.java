package org.scalingcoach.llm;

import java.time.LocalDate;

/**
 * The tokens one model call cost, for whom, with which model, on which (UTC) day. A call that did
 * not finish (a timeout, a stream broken off) has {@code finished} false and carries the tokens
 * known when it stopped, estimated where the provider had not reported them yet.
 */
public record TokenUsage(
    String workspace,
    String user,
    String provider,
    String model,
    int inputTokens,
    int outputTokens,
    LocalDate day,
    boolean finished) {

  /** A finished call. */
  public TokenUsage(
      String workspace,
      String user,
      String provider,
      String model,
      int inputTokens,
      int outputTokens,
      LocalDate day) {
    this(workspace, user, provider, model, inputTokens, outputTokens, day, true);
  }
}
