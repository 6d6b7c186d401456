package org.scalingcoach.llm;

import java.time.LocalDate;

/** The tokens one written answer cost, for whom, with which model, on which (UTC) day. */
public record TokenUsage(
    String workspace,
    String user,
    String provider,
    String model,
    int inputTokens,
    int outputTokens,
    LocalDate day) {}
