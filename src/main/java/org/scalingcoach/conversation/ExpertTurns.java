package org.scalingcoach.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.expert.ExpertChannel;
import org.scalingcoach.expert.ExpertDesk.Expert;
import org.scalingcoach.expert.ExpertDesk.Outcome;
import org.scalingcoach.expert.ExpertQuestion;
import org.scalingcoach.expert.ExpertQuestion.Asker;
import org.scalingcoach.expert.ExpertRelay;
import org.scalingcoach.knowledge.Topic;

/**
 * "Ask an expert" clicks, once for every platform: which step of the {@link ExpertRelay} a click or
 * a reply in the experts' thread is, and what the person is told (the desk's words). The adapters
 * read the click into a {@link Turn} and show the outcome; where a platform first asks for words in
 * a dialog, it asks here whether the dialog may open at all.
 */
public final class ExpertTurns {
  static final String GONE = "That button no longer works.";
  static final String UNREADABLE = "I could not read the question; please ask it again.";

  private final ExpertRelay experts;
  private final String platform;

  ExpertTurns(ExpertRelay experts, String platform) {
    this.experts = experts;
    this.platform = platform;
  }

  /** True for the actions of the experts' buttons and of the offer to ask them. */
  public static boolean handles(String action) {
    return action.startsWith("expert_");
  }

  /**
   * An expert's button (claim, answer, not for us, draft) clicked in {@code channel}, the
   * conversation of the experts' message: the desk's outcome, shown to the clicker only. The words
   * an answer or a reason needs travel under {@link ExpertReplies#inputKey}; cards posted before
   * each input had its own key carry them as {@code text}.
   */
  public Outcome click(Turn turn, String channel) {
    Turn.Action a = turn.action();
    long id = id(a);
    Expert expert = expert(turn.user(), channel);
    return switch (a.name()) {
      case ExpertReplies.CLAIM -> experts.claim(id, expert);
      case ExpertReplies.ANSWER -> experts.answer(id, expert, typed(a));
      case ExpertReplies.NOT_FOR_US -> experts.notForUs(id, expert, typed(a));
      case ExpertReplies.DRAFT -> experts.draft(id, turn.workspace(), turn.user());
      default -> new Outcome(Optional.empty(), false, GONE);
    };
  }

  /**
   * Whether the dialog for an answer or a reason may open for {@code click}: the question it asks
   * about when it is still open; empty with {@link #refusal} to say otherwise.
   */
  public Optional<ExpertQuestion> open(Turn click) {
    return experts.desk().find(id(click.action())).filter(q -> !q.state().settled());
  }

  /** Why a dialog for {@code click} does not open: the desk words what became of the question. */
  public Outcome refusal(Turn click, String channel) {
    return experts.desk().claim(id(click.action()), expert(click.user(), channel));
  }

  /**
   * The person in {@code asker} asks the experts about the coach's earlier {@code answer}, with
   * {@code context} in their own words.
   */
  public Outcome ask(Asker asker, Answer answer, String context) {
    return experts.ask(
        asker,
        answer.question(),
        context,
        answer.answered() ? answer.markdown() : "",
        answer.citations().stream().map(c -> c.title() + " › " + c.section()).toList(),
        Optional.ofNullable(answer.topic()));
  }

  /**
   * The same, where the offer carried the answer on its button ({@link ExpertReplies}: question,
   * answer, sources, topic) and the context was typed into it.
   */
  public Outcome ask(Asker asker, Turn.Action offer) {
    String question = offer.value("question").strip();
    if (question.isEmpty()) {
      return new Outcome(Optional.empty(), false, UNREADABLE);
    }
    String sources = offer.value("sources");
    return experts.ask(
        asker,
        question,
        typed(offer),
        offer.value("answer"),
        sources.isBlank() ? List.of() : Arrays.asList(sources.split("\n")),
        Topic.fromId(offer.value("topic")));
  }

  /**
   * A reply in the thread of the experts' message {@code messageRef} is that expert's answer,
   * unless the question is settled. True when it is an experts' thread, so the reply is no question
   * for the coach.
   */
  public boolean threadReply(String messageRef, String user, String channel, String text) {
    Optional<ExpertQuestion> question = experts.desk().byMessage(messageRef);
    if (question.isEmpty()) {
      return false;
    }
    if (!question.get().state().settled()) {
      experts.answer(question.get().id(), expert(user, channel), text.strip());
    }
    return true;
  }

  /** True when {@code user} has asked the experts anything, so a home shows their questions. */
  public boolean asked(String workspace, String user) {
    return experts.available() && !experts.desk().askedBy(platform, workspace, user).isEmpty();
  }

  private Expert expert(String user, String channel) {
    return new Expert(new ExpertChannel(platform, channel), user);
  }

  private static String typed(Turn.Action a) {
    String typed = a.value(ExpertReplies.inputKey(a.name()));
    return typed.isEmpty() ? a.value("text") : typed;
  }

  private static long id(Turn.Action a) {
    try {
      return Long.parseLong(a.value("id").strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
