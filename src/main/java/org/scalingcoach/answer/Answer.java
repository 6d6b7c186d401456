package org.scalingcoach.answer;

import java.util.List;
import org.scalingcoach.knowledge.Topic;

/**
 * The coach's reply to a question: markdown whose parts carry {@code [n]} markers pointing into
 * {@code citations}, and questions the asker might want next. When {@code answered} is false the
 * markdown explains what the coach can help with, and topic is null.
 */
public record Answer(
    String question,
    boolean answered,
    Topic topic,
    String markdown,
    List<Citation> citations,
    List<String> followUps) {

  public Answer {
    citations = List.copyOf(citations);
    followUps = List.copyOf(followUps);
  }
}
