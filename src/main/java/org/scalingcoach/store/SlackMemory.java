package org.scalingcoach.store;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.Citation;
import org.scalingcoach.answer.PastTurn;
import org.scalingcoach.conversation.ConversationMemory;
import org.scalingcoach.conversation.FeedbackLog;
import org.scalingcoach.conversation.Turn;
import org.scalingcoach.store.SlackAnswerStore.Place;

/**
 * The conversation service's memory and feedback log for Slack: a thread remembers its answers for
 * a week, a top-level direct message for an hour; an ephemeral answer is kept (feedback and "Share
 * in channel" name it) but is no conversation to follow up on. Votes name the answer by its id.
 */
public final class SlackMemory implements ConversationMemory, FeedbackLog {
  /** The thread of turns answered ephemerally (a slash command, a click on an ephemeral answer). */
  public static final String EPHEMERAL = "ephemeral";

  private static final int HISTORY_EXCHANGES = 3;
  private static final Duration THREAD_MEMORY = Duration.ofDays(7);
  private static final Duration DIRECT_MESSAGE_MEMORY = Duration.ofHours(1);

  private final SlackAnswerStore answers;
  private final SlackFeedbackStore feedback;
  private final QuestionLog questions;

  public SlackMemory(SlackAnswerStore answers, SlackFeedbackStore feedback, QuestionLog questions) {
    this.answers = answers;
    this.feedback = feedback;
    this.questions = questions;
  }

  @Override
  public List<PastTurn> recent(Turn turn) {
    if (EPHEMERAL.equals(turn.thread())) {
      return List.of();
    }
    return answers.history(
        place(turn),
        HISTORY_EXCHANGES,
        turn.thread() == null ? DIRECT_MESSAGE_MEMORY : THREAD_MEMORY);
  }

  /**
   * Saves the answer before it is posted, so a reply typed right after it already finds the thread;
   * the sender records where it landed ({@link SlackAnswerStore#posted}) or forgets it.
   */
  @Override
  public String remember(Turn turn, String question, Answer answer) {
    questions.record(turn.workspace(), turn.user(), turn.conversation(), answer);
    String id = UUID.randomUUID().toString();
    answers.save(id, place(turn), null, turn.user(), answer);
    return id;
  }

  @Override
  public boolean record(Turn click, boolean helpful) {
    String answerId = click.action().value("answer");
    var stored = answers.find(click.workspace(), answerId);
    if (stored.isEmpty()) {
      return false;
    }
    feedback.record(
        click.workspace(),
        answerId,
        click.user(),
        helpful ? 1 : -1,
        stored.get().answer().citations().stream().map(Citation::key).toList());
    return true;
  }

  private static Place place(Turn turn) {
    return new Place(turn.workspace(), turn.conversation(), turn.thread());
  }
}
