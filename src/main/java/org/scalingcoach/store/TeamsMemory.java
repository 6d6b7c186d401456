package org.scalingcoach.store;

import java.util.List;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.PastTurn;
import org.scalingcoach.conversation.ConversationMemory;
import org.scalingcoach.conversation.FeedbackLog;
import org.scalingcoach.conversation.Turn;
import org.scalingcoach.store.TeamsStore.TeamsFeedback;

/**
 * The conversation service's memory and feedback log for Teams: a conversation's turns are kept per
 * chat (Teams threads are the chat), feedback per answer activity.
 */
public final class TeamsMemory implements ConversationMemory, FeedbackLog {
  private final TeamsStore store;
  private final QuestionLog questions;

  public TeamsMemory(TeamsStore store, QuestionLog questions) {
    this.store = store;
    this.questions = questions;
  }

  @Override
  public List<PastTurn> recent(Turn turn) {
    return store.recentTurns(turn.workspace(), turn.conversation());
  }

  @Override
  public String remember(Turn turn, String question, Answer answer) {
    store.recordExchange(turn.workspace(), turn.conversation(), question, answer.markdown());
    questions.record(turn.workspace(), turn.user(), turn.conversation(), answer);
    // A Teams vote names its answer by the activity it was under, known only once it is sent.
    return "";
  }

  @Override
  public boolean record(Turn click, boolean helpful) {
    String topic = click.action().value("topic");
    String source = click.action().value("source");
    store.recordFeedback(
        new TeamsFeedback(
            click.workspace(),
            click.conversation(),
            click.thread() == null ? "" : click.thread(),
            click.user(),
            helpful ? "up" : "down",
            click.action().value("question"),
            topic.isEmpty() ? null : topic,
            source.isEmpty() ? null : source));
    return true;
  }
}
