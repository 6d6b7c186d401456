package org.scalingcoach.expert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A question the coach handed to people: who asked and where to answer them, what they asked and
 * what the coach said, where it was routed, and how far it has got.
 */
public record ExpertQuestion(
    long id,
    Asker asker,
    String question,
    String context,
    String coachAnswer,
    List<String> sources,
    String route,
    Optional<ExpertChannel> channel,
    Optional<String> expertMessage,
    State state,
    Optional<String> claimedBy,
    Optional<String> answer,
    Optional<String> answeredBy,
    Optional<String> declineReason,
    Instant askedAt,
    Instant dueAt,
    Optional<Instant> remindedAt,
    Optional<String> draft,
    long revision) {

  /** Where a question stands. */
  public enum State {
    OPEN,
    CLAIMED,
    ANSWERED,
    DECLINED,
    EXPIRED;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean settled() {
      return this == ANSWERED || this == DECLINED || this == EXPIRED;
    }
  }

  /**
   * The person who asked and the conversation to answer them in: platform, workspace, user,
   * conversation (channel, DM or personal chat) and thread (empty when not in a thread).
   */
  public record Asker(
      String platform, String workspace, String user, String conversation, String thread) {}

  public ExpertQuestion {
    sources = List.copyOf(sources);
  }

  /** A copy with the fields {@code edit} sets changed, the rest as they are. */
  public ExpertQuestion with(java.util.function.Consumer<Changes> edit) {
    Changes c = new Changes(this);
    edit.accept(c);
    return new ExpertQuestion(
        id,
        asker,
        question,
        context,
        coachAnswer,
        sources,
        c.route,
        c.channel,
        c.expertMessage,
        c.state,
        c.claimedBy,
        c.answer,
        c.answeredBy,
        c.declineReason,
        askedAt,
        c.dueAt,
        c.remindedAt,
        c.draft,
        revision);
  }

  /** The fields a step may change. */
  public static final class Changes {
    public String route;
    public Optional<ExpertChannel> channel;
    public Optional<String> expertMessage;
    public State state;
    public Optional<String> claimedBy;
    public Optional<String> answer;
    public Optional<String> answeredBy;
    public Optional<String> declineReason;
    public Instant dueAt;
    public Optional<Instant> remindedAt;
    public Optional<String> draft;

    private Changes(ExpertQuestion q) {
      route = q.route;
      channel = q.channel;
      expertMessage = q.expertMessage;
      state = q.state;
      claimedBy = q.claimedBy;
      answer = q.answer;
      answeredBy = q.answeredBy;
      declineReason = q.declineReason;
      dueAt = q.dueAt;
      remindedAt = q.remindedAt;
      draft = q.draft;
    }
  }
}
