package org.scalingcoach.conversation;

import java.util.List;
import java.util.Map;

/**
 * What the admins' insights are made of, read from the store and written out by the conversation
 * service ({@code admin insights}) and the {@code insights} command.
 */
public final class InsightFigures {
  private InsightFigures() {}

  /** A question asked (once or more, compared case-insensitively) that got no answer. */
  public record Unanswered(String question, int times, String lastAsked) {}

  /** An answer people rated, with its votes; sources are the cited section keys. */
  public record Rated(String channel, String question, String sources, int down, int up) {}

  /** Questions asked, how many were answered, and the count per topic of those answered. */
  public record Usage(int asked, int answered, Map<String, Integer> byTopic) {}

  /**
   * Questions handed to experts, by where they stand: waiting (open or claimed), answered but not
   * yet drafted, and drafted into {@code knowledge/drafts/}. Each is a line of text.
   */
  public record ExpertQuestions(List<String> waiting, List<String> answered, List<String> drafted) {
    public boolean isEmpty() {
      return waiting.isEmpty() && answered.isEmpty() && drafted.isEmpty();
    }
  }
}
