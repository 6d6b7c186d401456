package org.scalingcoach.conversation;

import java.util.function.Supplier;

/** What the conversation service decided to do with a {@link Turn}. */
public sealed interface Route {

  /** Reply with this now. */
  record Say(Reply reply) implements Route {}

  /**
   * Slow work (a reload, the insights): acknowledge with {@code acknowledgement}, then send what
   * {@code reply} makes, off the request thread; a refusal comes back as a reply too.
   */
  record Later(String acknowledgement, Supplier<Reply> reply) implements Route {}

  /** Answer {@code question} (typed, or a suggested follow-up that was clicked). */
  record Ask(String question) implements Route {}

  /**
   * The answer to a question, for the adapter to render with its sources and buttons; {@code
   * answerId} is what the memory kept it as, for the feedback buttons to name; {@code experts} is
   * true while "Ask an expert" can be offered.
   */
  record Answered(org.scalingcoach.answer.Answer answer, String answerId, boolean experts)
      implements Route {
    /** What to show: the answer's text, sources, follow-ups, and votes or "Ask an expert". */
    public Reply reply() {
      return AnswerReplies.of(answer, answerId, experts);
    }
  }

  /** A typed audit command, already allowed here by the policy. */
  record Audit(Command.Audit command) implements Route {}

  /**
   * A click the service leaves to the adapter, already allowed here by the policy: an expert's
   * button, whose words a platform collects in a form of its own.
   */
  record Click(Turn.Action action) implements Route {}

  /** A click the service handled in full: its replies went to the outbox. */
  record Handled(Turn.Action action) implements Route {}

  /** The same click again (a double click): nothing is done and nothing is said. */
  record Repeated() implements Route {}
}
