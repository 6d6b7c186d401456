package org.scalingcoach.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.Citation;

/**
 * What the coach says with an answer, for every platform: the text, its numbered sources, the
 * follow-up questions to pick, and 👍/👎 when it did answer (a refusal has nothing to rate).
 */
public final class AnswerReplies {
  /** The action of a suggested question: its token's {@code question} is asked. */
  public static final String ASK = "ask";

  /** The action of a vote: its token names the vote and the answer it is about. */
  public static final String FEEDBACK = "feedback";

  static final String FOLLOW_UPS_HEADING = "You could also ask";

  private AnswerReplies() {}

  /** {@code answer} as a reply; {@code answerId} is what the memory kept it as ("" for none). */
  public static Reply of(Answer answer, String answerId) {
    return of(answer, answerId, false);
  }

  /**
   * The same; with {@code experts}, an answer the coach could not give offers "Ask an expert"
   * instead of votes.
   */
  public static Reply of(Answer answer, String answerId, boolean experts) {
    List<Reply.Source> sources = new ArrayList<>();
    List<Citation> citations = answer.citations();
    for (int i = 0; i < citations.size(); i++) {
      Citation c = citations.get(i);
      sources.add(new Reply.Source(i + 1, c.title(), c.section(), c.key()));
    }
    List<Reply.Button> followUps =
        answer.followUps().stream()
            .map(q -> Reply.Button.of(q, ASK, Map.of("question", q)))
            .toList();
    List<Reply.Button> votes =
        answer.answered()
            ? List.of(
                Reply.Button.of("👍 Helpful", FEEDBACK, vote("up", answer, answerId)),
                Reply.Button.of("👎 Not helpful", FEEDBACK, vote("down", answer, answerId)))
            : experts ? List.of(ExpertReplies.offer(answer, answerId)) : List.of();
    return new Reply(
        Markdown.withoutMentions(answer.markdown()),
        sources,
        followUps,
        votes,
        List.of(),
        null,
        false);
  }

  /**
   * The token of a vote: the answer's id where the platform keeps answers, and the question, topic
   * and top source for one that does not.
   */
  private static Map<String, String> vote(String vote, Answer answer, String answerId) {
    Map<String, String> token = new LinkedHashMap<>();
    token.put("vote", vote);
    put(token, "answer", answerId);
    put(token, "question", answer.question());
    put(token, "topic", answer.topic() == null ? null : answer.topic().id());
    put(token, "source", answer.citations().isEmpty() ? null : answer.citations().get(0).key());
    return token;
  }

  private static void put(Map<String, String> token, String key, String value) {
    if (value != null && !value.isEmpty()) {
      token.put(key, value);
    }
  }
}
