package org.scalingcoach.audit;

import java.time.Instant;

/** The stored answer to one question; a skipped question has no option and no level. */
public record RecordedAnswer(
    String questionId, String optionId, Integer level, Instant answeredAt) {

  public static RecordedAnswer skipped(String questionId, Instant at) {
    return new RecordedAnswer(questionId, null, null, at);
  }

  public boolean isSkipped() {
    return optionId == null;
  }
}
