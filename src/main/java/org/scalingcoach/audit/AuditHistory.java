package org.scalingcoach.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.scalingcoach.audit.AuditException.Reason;

/**
 * Reports and history of finished audits. Managers see every audit of their workspace; everyone
 * else sees only their own.
 */
public final class AuditHistory {
  private final AuditEngine engine;
  private final AuditStore store;
  private final ManagerPolicy managers;

  public AuditHistory(AuditEngine engine, AuditStore store, ManagerPolicy managers) {
    this.engine = engine;
    this.store = store;
    this.managers = managers;
  }

  public boolean isManager(Actor actor) {
    return managers.isManager(actor);
  }

  /** The report of a finished audit, for its owner or a manager of the workspace. */
  public AuditReport report(Actor actor, long auditId) {
    AuditRecord audit = engine.viewable(actor, auditId, managers.isManager(actor));
    if (audit.status() != AuditStatus.FINISHED) {
      throw new AuditException(
          Reason.CLOSED, "That audit is not finished yet, so there is no report to show.");
    }
    AuditDefinition definition = engine.definition(audit);
    List<RecordedAnswer> answers = store.answers(auditId);
    Scorecard card = Scorecard.of(definition, answers);
    AuditRecord previous = store.previousFinished(audit).orElse(null);
    List<ScoreChange> changes = new ArrayList<>();
    if (previous != null) {
      Scorecard before = Scorecard.of(engine.definition(previous), store.answers(previous.id()));
      Map<String, DimensionScore> earlier =
          before.dimensions().stream()
              .filter(DimensionScore::assessed)
              .collect(Collectors.toMap(DimensionScore::id, d -> d));
      for (DimensionScore now : card.dimensions()) {
        DimensionScore then = earlier.get(now.id());
        Double beforeScore = then == null ? null : then.score();
        changes.add(
            new ScoreChange(
                now.id(),
                now.name(),
                beforeScore,
                now.score(),
                Trend.between(beforeScore, now.score())));
      }
      changes.add(
          new ScoreChange(
              "overall",
              "Overall",
              before.overall().score(),
              card.overall().score(),
              Trend.between(before.overall().score(), card.overall().score())));
    }
    Map<String, RecordedAnswer> byQuestion = new LinkedHashMap<>();
    answers.forEach(a -> byQuestion.put(a.questionId(), a));
    return new AuditReport(audit, definition, byQuestion, card, previous, changes);
  }

  /**
   * The audit {@code actor} asked to export: {@code number} when given, else their latest finished
   * one.
   *
   * @throws AuditException when they have no finished audit yet
   */
  public long exportTarget(Actor actor, java.util.OptionalLong number) {
    if (number.isPresent()) {
      return number.getAsLong();
    }
    return visible(actor).stream()
        .filter(a -> a.userId().equals(actor.userId()) && a.status() == AuditStatus.FINISHED)
        .findFirst()
        .map(AuditRecord::id)
        .orElseThrow(
            () ->
                new AuditException(
                    AuditException.Reason.UNKNOWN_AUDIT,
                    "You have no finished audit to export yet."));
  }

  /** The audits this person may see, newest first: all of the workspace for managers. */
  public List<AuditRecord> visible(Actor actor) {
    return store.list(actor.teamId(), managers.isManager(actor) ? null : actor.userId());
  }

  /** The latest finished audit per subject and type, with the trend since the previous one. */
  public List<SubjectStatus> latest(Actor actor) {
    Map<String, List<AuditRecord>> bySubject = new LinkedHashMap<>();
    for (AuditRecord audit : visible(actor)) {
      if (audit.status() == AuditStatus.FINISHED) {
        bySubject
            .computeIfAbsent(
                audit.type() + "\n" + AuditRecord.subjectKey(audit.subject()),
                k -> new ArrayList<>())
            .add(audit);
      }
    }
    List<SubjectStatus> statuses = new ArrayList<>();
    for (List<AuditRecord> audits : bySubject.values()) {
      audits.sort(Comparator.comparing(AuditRecord::finishedAt).reversed());
      AuditRecord latest = audits.get(0);
      Double before = audits.size() > 1 ? audits.get(1).score() : null;
      statuses.add(
          new SubjectStatus(
              latest.type(),
              title(latest),
              latest.subject(),
              latest,
              audits.size(),
              Trend.between(before, latest.score())));
    }
    statuses.sort(
        Comparator.comparing(SubjectStatus::subject, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(SubjectStatus::type));
    return statuses;
  }

  /**
   * Every finished audit of a subject and type this person may see, oldest first: the trend line.
   */
  public List<AuditRecord> history(Actor actor, String type, String subject) {
    String key = AuditRecord.subjectKey(subject);
    return visible(actor).stream()
        .filter(
            a ->
                a.status() == AuditStatus.FINISHED
                    && a.type().equals(type)
                    && AuditRecord.subjectKey(a.subject()).equals(key))
        .sorted(Comparator.comparing(AuditRecord::finishedAt))
        .toList();
  }

  public String title(AuditRecord audit) {
    return engine.definition(audit).title();
  }
}
