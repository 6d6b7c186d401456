package org.scalingcoach.expert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Where expert questions and every step taken on them are kept. */
public interface ExpertStore {

  /** Saves a new question (its id and revision are ignored) and returns it with its id. */
  ExpertQuestion create(ExpertQuestion question, String actor);

  Optional<ExpertQuestion> find(long id);

  /**
   * Applies {@code change} to the question if it is still at {@code revision}, recording the step
   * {@code action} by {@code actor}; empty when someone else changed it first.
   */
  Optional<ExpertQuestion> update(
      long id, long revision, String actor, String action, UnaryOperator<ExpertQuestion> change);

  /** The question shown by the experts' message {@code messageRef}, if any. */
  Optional<ExpertQuestion> findByMessage(String messageRef);

  /** The questions one person asked in one workspace, newest first. */
  List<ExpertQuestion> askedBy(String platform, String workspace, String user, int limit);

  /** Open or claimed questions due before {@code now} and not yet reminded. */
  List<ExpertQuestion> overdue(Instant now);

  /** Questions in {@code state} asked since {@code since}, newest first. */
  List<ExpertQuestion> inState(ExpertQuestion.State state, Instant since, int limit);

  /** The recorded steps of one question, oldest first. */
  List<Step> history(long id);

  /** One recorded step: who did what, when. */
  record Step(Instant at, String actor, String action, String detail) {}
}
