package org.scalingcoach.audit;

import static org.scalingcoach.audit.AuditAccess.requireActive;
import static org.scalingcoach.audit.AuditNavigation.nextUnseen;
import static org.scalingcoach.audit.AuditNavigation.question;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.scalingcoach.audit.AuditException.Reason;
import org.scalingcoach.audit.AuditStore.Transition;
import org.scalingcoach.metrics.CoachMetrics;

/**
 * Runs guided audits: start, answer, change an earlier answer, go back, skip, pause, resume,
 * abandon and finish. Every action is committed before the next question is returned, and carries
 * the revision the person saw, so double clicks and a second device never corrupt an audit.
 */
public final class AuditEngine {
  static final int MAX_SUBJECT_LENGTH = 120;
  private static final String STALE =
      "That button was for an earlier view (maybe on another device), so I left your answers as"
          + " they were. Here is where you are now.";
  private static final String ALREADY_RECORDED =
      "You had already chosen that answer, so nothing changed. Here is where you are now.";

  private final Supplier<AuditCatalog> catalog;
  private final AuditStore store;
  private final Clock clock;
  private final AuditDefinitionSnapshots snapshots;
  private final AuditAccess access;

  public AuditEngine(AuditCatalog catalog, AuditStore store, Clock clock) {
    this(() -> catalog, store, clock);
  }

  /**
   * An engine that starts audits from whatever {@code catalog} holds at the time, so admins can
   * reload the definitions; audits already started keep the definition they began with.
   */
  public AuditEngine(Supplier<AuditCatalog> catalog, AuditStore store, Clock clock) {
    this.catalog = catalog;
    this.store = store;
    this.clock = clock;
    this.snapshots = new AuditDefinitionSnapshots(store);
    this.access = new AuditAccess(store);
    catalog.get().definitions().forEach(snapshots::remember);
  }

  /** The audits that can be started now. */
  public AuditCatalog catalog() {
    return catalog.get();
  }

  /**
   * Checks that {@code start} would accept this audit type and subject, without starting anything,
   * so a command can answer a mistake at once instead of promising a first question.
   */
  public void checkStart(String type, String subject) {
    definitionToStart(type);
    cleanSubject(subject);
  }

  /** Starts an audit, or picks up the one this person already has open for the type and subject. */
  public Progress start(Actor actor, String type, String subject) {
    AuditDefinition definition = definitionToStart(type);
    String cleanSubject = cleanSubject(subject);
    Optional<AuditRecord> existing = store.findActive(actor, type, cleanSubject);
    if (existing.isPresent()) {
      return resumed(actor, existing.get());
    }
    snapshots.save(definition);
    Optional<AuditRecord> created = store.create(actor, definition, cleanSubject, clock.instant());
    if (created.isPresent()) {
      CoachMetrics.audit("started", type);
      return progress(created.get(), null).asChanged();
    }
    // Another device started the same audit a moment ago: carry on with that one.
    return resumed(actor, store.findActive(actor, type, cleanSubject).orElseThrow());
  }

  private AuditDefinition definitionToStart(String type) {
    return catalog
        .get()
        .find(type)
        .orElseThrow(
            () ->
                new AuditException(
                    Reason.UNKNOWN_TYPE,
                    "There is no audit called '"
                        + (type.length() > 40 ? type.substring(0, 40) + "…" : type)
                        + "'. Try /coach audit to see the list."));
  }

  private static String cleanSubject(String subject) {
    String cleanSubject = subject == null ? "" : subject.strip().replaceAll("\\s+", " ");
    if (cleanSubject.isEmpty() || cleanSubject.length() > MAX_SUBJECT_LENGTH) {
      throw new AuditException(
          Reason.INVALID_INPUT,
          "Please name what you are auditing (a team, model or initiative) in 1 to "
              + MAX_SUBJECT_LENGTH
              + " characters, for example \"Churn model — EMEA\".");
    }
    return cleanSubject;
  }

  private Progress resumed(Actor actor, AuditRecord audit) {
    Progress progress = resume(actor, audit.id());
    return progress.withNotice(
        "You already had this audit open, so we carry on where you left off.");
  }

  /** The audit as it stands now, for the person who runs it. */
  public Progress current(Actor actor, long auditId) {
    return progress(access.owned(actor, auditId), null);
  }

  /** Records an answer to {@code questionId} and moves to the next question not yet seen. */
  public Progress answer(
      Actor actor, long auditId, int revision, String questionId, String optionId) {
    return act(
        actor,
        auditId,
        revision,
        (audit, definition, answers) -> {
          AuditQuestion question = question(definition, questionId);
          AnswerOption option =
              question
                  .option(optionId)
                  .orElseThrow(
                      () ->
                          new AuditException(
                              Reason.INVALID_INPUT,
                              "That answer is not one of the options for this question."));
          RecordedAnswer answer =
              new RecordedAnswer(question.id(), option.id(), option.level(), clock.instant());
          int next = nextUnseen(definition, answers, definition.indexOf(questionId), question.id());
          return Transition.move(next, AuditStatus.OPEN, answer, clock.instant());
        },
        answers ->
            Optional.ofNullable(answers.get(questionId))
                .filter(a -> optionId.equals(a.optionId()))
                .isPresent());
  }

  /** Moves past {@code questionId} without answering; an earlier answer to it is kept. */
  public Progress skip(Actor actor, long auditId, int revision, String questionId) {
    return act(
        actor,
        auditId,
        revision,
        (audit, definition, answers) -> {
          AuditQuestion question = question(definition, questionId);
          RecordedAnswer skipped =
              answers.containsKey(question.id())
                  ? null
                  : RecordedAnswer.skipped(question.id(), clock.instant());
          int next = nextUnseen(definition, answers, definition.indexOf(questionId), question.id());
          return Transition.move(next, AuditStatus.OPEN, skipped, clock.instant());
        },
        answers -> false,
        true);
  }

  /** Shows the previous question again, with its earlier answer, so it can be changed. */
  public Progress back(Actor actor, long auditId, int revision) {
    return act(
        actor,
        auditId,
        revision,
        (audit, definition, answers) ->
            Transition.move(
                Math.max(0, audit.position() - 1), AuditStatus.OPEN, null, clock.instant()),
        answers -> false,
        true);
  }

  /** Shows any question of the audit again so its answer can be changed. */
  public Progress revisit(Actor actor, long auditId, int revision, String questionId) {
    return act(
        actor,
        auditId,
        revision,
        (audit, definition, answers) ->
            Transition.move(
                definition.indexOf(question(definition, questionId).id()),
                AuditStatus.OPEN,
                null,
                clock.instant()),
        answers -> false);
  }

  /** Pauses the audit; nothing is lost, and {@link #resume} continues at the same question. */
  public Progress pause(Actor actor, long auditId) {
    return setStatus(actor, auditId, AuditStatus.PAUSED);
  }

  /**
   * Resumes from a button that carries the revision it was shown at; empty when the audit has moved
   * on since and is open, which is a second click on the same button: nothing to post.
   */
  public Optional<Progress> resumeOnce(Actor actor, long auditId, int revision) {
    AuditRecord audit = access.owned(actor, auditId);
    if (audit.revision() != revision && audit.status() == AuditStatus.OPEN) {
      return Optional.empty();
    }
    return Optional.of(resume(actor, auditId));
  }

  public Progress resume(Actor actor, long auditId) {
    return setStatus(actor, auditId, AuditStatus.OPEN);
  }

  /** Gives up on the audit; it stays in the history as abandoned and frees the subject. */
  public Progress abandon(Actor actor, long auditId) {
    return setStatus(actor, auditId, AuditStatus.ABANDONED);
  }

  /** Finishes the audit (unanswered questions count as skipped) and returns the final audit. */
  public AuditRecord finish(Actor actor, long auditId) {
    return finishNow(actor, auditId).orElseGet(() -> access.owned(actor, auditId));
  }

  /** Finishes the audit, or returns empty if it was already finished (by an earlier click). */
  public Optional<AuditRecord> finishNow(Actor actor, long auditId) {
    for (int attempt = 0; ; attempt++) {
      AuditRecord audit = access.owned(actor, auditId);
      if (audit.status() == AuditStatus.FINISHED) {
        return Optional.empty();
      }
      requireActive(audit);
      AuditDefinition definition = definition(audit);
      Scorecard card = Scorecard.of(definition, store.answers(auditId));
      Transition finish =
          new Transition(
              definition.questions().size(),
              AuditStatus.FINISHED,
              null,
              clock.instant(),
              card.overall().score(),
              card.overall().level().name());
      Optional<AuditRecord> done = store.transition(auditId, audit.revision(), finish);
      if (done.isPresent()) {
        CoachMetrics.audit("finished", definition.id());
        return done;
      }
      retryGuard(attempt);
    }
  }

  /** The definition an audit was started with, even if the file has changed since. */
  public AuditDefinition definition(AuditRecord audit) {
    return snapshots.of(audit);
  }

  /**
   * Loads an audit whose report the actor may see: their own, or any in the workspace for managers.
   */
  AuditRecord viewable(Actor actor, long auditId, boolean manager) {
    return access.viewable(actor, auditId, manager);
  }

  /** Loads an audit and checks it is in the actor's workspace; {@code mine} requires their own. */
  AuditRecord load(Actor actor, long auditId, boolean mine) {
    return access.load(actor, auditId, mine);
  }

  private Progress setStatus(Actor actor, long auditId, AuditStatus status) {
    for (int attempt = 0; ; attempt++) {
      AuditRecord audit = access.owned(actor, auditId);
      requireActive(audit);
      if (audit.status() == status) {
        return progress(audit, null);
      }
      Optional<AuditRecord> changed =
          store.transition(
              auditId,
              audit.revision(),
              Transition.move(audit.position(), status, null, clock.instant()));
      if (changed.isPresent()) {
        return progress(changed.get(), null).asChanged();
      }
      retryGuard(attempt);
    }
  }

  private interface Step {
    Transition next(
        AuditRecord audit, AuditDefinition definition, Map<String, RecordedAnswer> answers);
  }

  private Progress act(
      Actor actor,
      long auditId,
      int revision,
      Step step,
      Function<Map<String, RecordedAnswer>, Boolean> alreadyDone) {
    return act(actor, auditId, revision, step, alreadyDone, false);
  }

  /**
   * @param moves true for Skip and Back, whose second click one revision on is a double click
   *     whatever the answers; an answer is a double click when it is already recorded
   */
  private Progress act(
      Actor actor,
      long auditId,
      int revision,
      Step step,
      Function<Map<String, RecordedAnswer>, Boolean> alreadyDone,
      boolean moves) {
    AuditRecord audit = access.owned(actor, auditId);
    requireActive(audit);
    AuditDefinition definition = definition(audit);
    Map<String, RecordedAnswer> answers = answersOf(auditId);
    if (audit.revision() != revision) {
      return stale(audit, answers, revision, alreadyDone, moves);
    }
    Transition transition = step.next(audit, definition, answers);
    Optional<AuditRecord> updated = store.transition(auditId, revision, transition);
    if (updated.isPresent()) {
      Map<String, RecordedAnswer> after = new HashMap<>(answers);
      if (transition.answer() != null) {
        after.put(transition.answer().questionId(), transition.answer());
      }
      return progress(updated.get(), after, null).asChanged();
    }
    AuditRecord now = access.owned(actor, auditId);
    requireActive(now);
    return stale(now, answersOf(auditId), revision, alreadyDone, moves);
  }

  /**
   * A click on a message the audit has moved past. Right after the change (one revision on) it is
   * the second half of a double click: nothing to say or post. Older, it says what happened.
   */
  private Progress stale(
      AuditRecord audit,
      Map<String, RecordedAnswer> answers,
      int revision,
      Function<Map<String, RecordedAnswer>, Boolean> alreadyDone,
      boolean moves) {
    boolean done = alreadyDone.apply(answers);
    if (audit.revision() == revision + 1 && (moves || done)) {
      return progress(audit, answers, null);
    }
    return progress(audit, answers, done ? ALREADY_RECORDED : STALE);
  }

  private static void retryGuard(int attempt) {
    if (attempt > 50) {
      throw new IllegalStateException(
          "audit kept changing under a status change; gave up after 50 attempts");
    }
  }

  private Map<String, RecordedAnswer> answersOf(long auditId) {
    return store.answers(auditId).stream()
        .collect(Collectors.toMap(RecordedAnswer::questionId, a -> a));
  }

  private Progress progress(AuditRecord audit, String notice) {
    return progress(audit, answersOf(audit.id()), notice);
  }

  private Progress progress(AuditRecord audit, Map<String, RecordedAnswer> answers, String notice) {
    AuditDefinition definition = definition(audit);
    List<AuditQuestion> questions = definition.questions();
    AuditQuestion current =
        audit.position() < questions.size() ? questions.get(audit.position()) : null;
    return new Progress(audit, definition, answers, current, notice, false);
  }
}
