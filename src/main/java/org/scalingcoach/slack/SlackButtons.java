package org.scalingcoach.slack;

import java.util.Map;
import org.scalingcoach.conversation.AnswerReplies;
import org.scalingcoach.conversation.ExpertReplies;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.conversation.Turn;
import org.scalingcoach.conversation.Welcome;

/**
 * How a neutral button travels through Slack and comes back: its {@code action_id} and {@code
 * value} one way, a {@link Turn.Action} the other. The wire format is the one answers already
 * posted in Slack carry (a vote's value is the answer id, a follow-up's the question), so buttons
 * of older messages keep working.
 */
final class SlackButtons {
  static final String FEEDBACK_UP = "coach_feedback_up";
  static final String FEEDBACK_DOWN = "coach_feedback_down";
  static final String FOLLOW_UP_PREFIX = "coach_follow_up_";

  /** The {@code feedback_buttons} element under a natively streamed answer. */
  static final String FEEDBACK_BUTTONS = "coach_feedback";

  static final String UP_PREFIX = "up:";
  static final String DOWN_PREFIX = "down:";

  private SlackButtons() {}

  /** How the {@code index}th button of its row travels: its action id and value. */
  static SlackAuditTokens.Slack of(Reply.Button button, int index) {
    if (button.action().name().startsWith("audit-")) {
      return SlackAuditTokens.of(button, index);
    }
    if (button.action().name().startsWith("expert_")) {
      // The action ids and values of earlier releases: the stored answer, or the question's id.
      Turn.Action a = button.action();
      String value = a.name().equals(ExpertReplies.ASK) ? a.value("answerId") : a.value("id");
      return new SlackAuditTokens.Slack("coach_" + a.name(), value);
    }
    return new SlackAuditTokens.Slack(actionId(button.action(), index), value(button));
  }

  /** The action id of the {@code index}th button of its row. */
  static String actionId(Turn.Action action, int index) {
    return switch (action.name()) {
      // An example goes to the person's DM, whichever view it is clicked in.
      case AnswerReplies.ASK ->
          (action.value(Welcome.EXAMPLE).isEmpty() ? FOLLOW_UP_PREFIX : HomeView.ASK_EXAMPLE_PREFIX)
              + index;
      case AnswerReplies.FEEDBACK ->
          action.value("vote").equals("up") ? FEEDBACK_UP : FEEDBACK_DOWN;
      default -> "coach_" + action.name() + "_" + index;
    };
  }

  /** What the button carries back: the one token value its action needs. */
  static String value(Reply.Button button) {
    Turn.Action action = button.action();
    return switch (action.name()) {
      case AnswerReplies.ASK -> action.value("question");
      case AnswerReplies.FEEDBACK -> action.value("answer");
      default -> action.value("value");
    };
  }

  /** The value of Slack's own thumbs under a streamed answer, for {@code vote}. */
  static String nativeVote(Reply.Button vote) {
    return (vote.action().value("vote").equals("up") ? UP_PREFIX : DOWN_PREFIX) + value(vote);
  }

  /** The vote a click on {@code actionId} with {@code value} casts, or null when it is none. */
  static Turn.Action vote(String actionId, String value) {
    String v = value == null ? "" : value;
    if (actionId.equals(FEEDBACK_UP) || actionId.equals(FEEDBACK_DOWN)) {
      return feedback(actionId.equals(FEEDBACK_UP) ? "up" : "down", v);
    }
    if (v.startsWith(UP_PREFIX)) {
      return feedback("up", v.substring(UP_PREFIX.length()));
    }
    if (v.startsWith(DOWN_PREFIX)) {
      return feedback("down", v.substring(DOWN_PREFIX.length()));
    }
    return null;
  }

  /** The question a follow-up or example click asks. */
  static Turn.Action ask(String question) {
    return new Turn.Action(AnswerReplies.ASK, Map.of("question", question == null ? "" : question));
  }

  private static Turn.Action feedback(String vote, String answerId) {
    return new Turn.Action(AnswerReplies.FEEDBACK, Map.of("vote", vote, "answer", answerId));
  }
}
