package org.scalingcoach.expert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.scalingcoach.expert.ExpertQuestion.Asker;
import org.scalingcoach.expert.ExpertQuestion.State;
import org.scalingcoach.knowledge.Topic;

/**
 * Hands questions the coach could not answer (or answered badly) to the topic's experts, and takes
 * them through claimed, answered, declined or expired. Each step is checked here, for every
 * platform: only the route's experts act on a question, a second click changes nothing, and a
 * settled question stays settled.
 */
public final class ExpertDesk {
  private final Supplier<ExpertDirectory> directory;
  private final ExpertStore store;
  private final Clock clock;

  public ExpertDesk(Supplier<ExpertDirectory> directory, ExpertStore store, Clock clock) {
    this.directory = directory;
    this.store = store;
    this.clock = clock;
  }

  /** What a step did: the question as it now stands, whether it changed, and what to tell. */
  public record Outcome(Optional<ExpertQuestion> question, boolean changed, String message) {
    static Outcome refused(String message) {
      return new Outcome(Optional.empty(), false, message);
    }

    static Outcome unchanged(ExpertQuestion question, String message) {
      return new Outcome(Optional.of(question), false, message);
    }

    static Outcome done(ExpertQuestion question, String message) {
      return new Outcome(Optional.of(question), true, message);
    }
  }

  /** Someone acting on a question: their platform, user id, and the channel they acted from. */
  public record Expert(ExpertChannel from, String user) {}

  /** True when questions can be handed to people at all. */
  public boolean available() {
    return directory.get().configured();
  }

  /**
   * Routes a question to the experts for {@code topic} (or the default route). Asking again the
   * same question while it is still open returns the open one unchanged.
   */
  public Outcome ask(
      Asker asker,
      String question,
      String context,
      String coachAnswer,
      List<String> sources,
      Optional<Topic> topic) {
    ExpertDirectory experts = directory.get();
    Optional<ExpertRoute> route = experts.route(topic);
    if (route.isEmpty()) {
      return Outcome.refused(
          "No experts are set up for this yet: an admin adds them in experts.yaml.");
    }
    Optional<ExpertChannel> channel = route.get().channelFor(asker.platform());
    if (channel.isEmpty()) {
      return Outcome.refused("The experts for this topic have no channel yet.");
    }
    for (ExpertQuestion mine :
        store.askedBy(asker.platform(), asker.workspace(), asker.user(), 20)) {
      if (!mine.state().settled() && mine.question().equals(question)) {
        return Outcome.unchanged(mine, "You already asked the experts this; they have it.");
      }
    }
    Instant now = clock.instant();
    ExpertQuestion created =
        store.create(
            new ExpertQuestion(
                0,
                asker,
                question,
                context == null ? "" : context.strip(),
                coachAnswer == null ? "" : coachAnswer,
                sources,
                topic
                    .map(t -> experts.byTopic().containsKey(t) ? t.id() : "default")
                    .orElse("default"),
                channel,
                Optional.empty(),
                State.OPEN,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                now,
                now.plus(experts.responseTime()),
                Optional.empty(),
                Optional.empty(),
                0),
            asker.user());
    return Outcome.done(created, "Sent to the experts. You will get their answer here.");
  }

  /** Remembers the message that shows the question in the experts channel, to update it later. */
  public void posted(long id, String messageRef) {
    store
        .find(id)
        .ifPresent(
            q ->
                store.update(
                    id,
                    q.revision(),
                    "coach",
                    "posted",
                    q2 -> q2.with(c -> c.expertMessage = Optional.of(messageRef))));
  }

  public Outcome claim(long id, Expert expert) {
    return act(
        id,
        expert,
        "claimed",
        q -> {
          if (q.state() == State.CLAIMED && q.claimedBy().orElse("").equals(expert.user())) {
            return Outcome.unchanged(q, "You have already claimed it.");
          }
          if (q.state() == State.CLAIMED) {
            return Outcome.unchanged(q, "Already claimed by someone else.");
          }
          return null;
        },
        q -> claimed(q, expert.user()),
        "Claimed: it is yours to answer.");
  }

  public Outcome answer(long id, Expert expert, String text) {
    if (text == null || text.isBlank()) {
      return Outcome.refused("Write an answer first.");
    }
    return act(
        id,
        expert,
        "answered",
        q -> null,
        q -> answered(q, expert.user(), text.strip()),
        "Answered: the person who asked has it now.");
  }

  /**
   * "Not for us": a topic's experts send the question on to the default route; the default route's
   * experts (or a topic with no default behind it) decline it with a reason.
   */
  public Outcome notForUs(long id, Expert expert, String reason) {
    ExpertDirectory experts = directory.get();
    Optional<ExpertQuestion> found = store.find(id);
    if (found.isEmpty()) {
      return Outcome.refused("That question no longer exists.");
    }
    ExpertQuestion question = found.get();
    Optional<ExpertRoute> fallback = experts.fallback();
    if (!question.route().equals("default") && fallback.isPresent()) {
      Optional<ExpertChannel> next = fallback.get().channelFor(question.asker().platform());
      if (next.isPresent()) {
        return act(
            id,
            expert,
            "rerouted",
            q -> null,
            q -> rerouted(q, next.get()),
            "Sent on to the default experts channel.");
      }
    }
    String why =
        reason == null || reason.isBlank() ? "not something we can answer" : reason.strip();
    return act(
        id,
        expert,
        "declined",
        q -> null,
        q -> declined(q, why),
        "Declined; the asker is told why.");
  }

  /** Open or claimed questions past their target time, each marked reminded once. */
  public List<ExpertQuestion> remindOverdue() {
    Instant now = clock.instant();
    return store.overdue(now).stream()
        .map(
            q ->
                store.update(
                    q.id(),
                    q.revision(),
                    "coach",
                    "reminded",
                    c -> c.with(ch -> ch.remindedAt = Optional.of(now))))
        .flatMap(Optional::stream)
        .toList();
  }

  /** Unsettled questions older than the directory's expiry, moved to expired. */
  public List<ExpertQuestion> expireStale() {
    Instant cutoff = clock.instant().minus(directory.get().expireAfter());
    return java.util.stream.Stream.of(State.OPEN, State.CLAIMED)
        .flatMap(s -> store.inState(s, Instant.EPOCH, 1_000).stream())
        .filter(q -> q.askedAt().isBefore(cutoff))
        .map(
            q ->
                store.update(
                    q.id(),
                    q.revision(),
                    "coach",
                    "expired",
                    c -> c.with(ch -> ch.state = State.EXPIRED)))
        .flatMap(Optional::stream)
        .toList();
  }

  /** What one person asked the experts, newest first. */
  public List<ExpertQuestion> askedBy(String platform, String workspace, String user) {
    return store.askedBy(platform, workspace, user, 20);
  }

  public Optional<ExpertQuestion> find(long id) {
    return store.find(id);
  }

  /** The question an experts' message shows, so a reply in its thread can answer it. */
  public Optional<ExpertQuestion> byMessage(String messageRef) {
    return store.findByMessage(messageRef);
  }

  /** Records that an admin turned the answer into a draft knowledge file at {@code path}. */
  public Outcome drafted(long id, String admin, String path) {
    Optional<ExpertQuestion> found = store.find(id);
    if (found.isEmpty() || found.get().state() != State.ANSWERED) {
      return Outcome.refused("Only answered questions can become knowledge.");
    }
    return store
        .update(
            id,
            found.get().revision(),
            admin,
            "drafted",
            q -> q.with(c -> c.draft = Optional.of(path)))
        .map(q -> Outcome.done(q, "Draft written to " + path))
        .orElseGet(() -> Outcome.refused("The question changed meanwhile; try again."));
  }

  /** Questions in {@code state} asked since {@code since}, for insights. */
  public List<ExpertQuestion> inState(State state, Instant since) {
    return store.inState(state, since, 200);
  }

  private Outcome act(
      long id,
      Expert expert,
      String action,
      java.util.function.Function<ExpertQuestion, Outcome> precheck,
      UnaryOperator<ExpertQuestion> change,
      String doneMessage) {
    Optional<ExpertQuestion> found = store.find(id);
    if (found.isEmpty()) {
      return Outcome.refused("That question no longer exists.");
    }
    ExpertQuestion question = found.get();
    Optional<ExpertRoute> route = directory.get().named(question.route());
    if (route.isEmpty() || !route.get().admits(expert.from(), expert.user())) {
      return Outcome.unchanged(
          question, "Only the experts this question was routed to can act on it.");
    }
    if (question.state().settled()) {
      return Outcome.unchanged(question, settledMessage(question));
    }
    Outcome early = precheck.apply(question);
    if (early != null) {
      return early;
    }
    return store
        .update(id, question.revision(), expert.user(), action, change)
        .map(q -> Outcome.done(q, doneMessage))
        .orElseGet(
            () ->
                store
                    .find(id)
                    .map(q -> Outcome.unchanged(q, settledMessage(q)))
                    .orElseGet(() -> Outcome.refused("That question no longer exists.")));
  }

  private static String settledMessage(ExpertQuestion q) {
    return switch (q.state()) {
      case ANSWERED -> "Already answered by " + q.answeredBy().orElse("an expert") + ".";
      case DECLINED -> "Already declined.";
      case EXPIRED -> "This question expired without an answer.";
      default -> "Someone else acted on it first.";
    };
  }

  private static ExpertQuestion claimed(ExpertQuestion q, String user) {
    return q.with(
        c -> {
          c.state = State.CLAIMED;
          c.claimedBy = Optional.of(user);
        });
  }

  private static ExpertQuestion answered(ExpertQuestion q, String user, String text) {
    return q.with(
        c -> {
          c.state = State.ANSWERED;
          c.claimedBy = q.claimedBy().or(() -> Optional.of(user));
          c.answer = Optional.of(text);
          c.answeredBy = Optional.of(user);
        });
  }

  private ExpertQuestion rerouted(ExpertQuestion q, ExpertChannel next) {
    return q.with(
        c -> {
          c.route = "default";
          c.channel = Optional.of(next);
          c.expertMessage = Optional.empty();
          c.state = State.OPEN;
          c.claimedBy = Optional.empty();
          c.dueAt = clock.instant().plus(directory.get().responseTime());
          c.remindedAt = Optional.empty();
        });
  }

  private static ExpertQuestion declined(ExpertQuestion q, String reason) {
    return q.with(
        c -> {
          c.state = State.DECLINED;
          c.declineReason = Optional.of(reason);
        });
  }
}
