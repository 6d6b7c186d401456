package org.scalingcoach.audit;

/** One answer a person can pick, mapped to the maturity level it shows. */
public record AnswerOption(String id, String label, int level) {}
