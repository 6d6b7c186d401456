package org.scalingcoach.audit;

import java.util.List;
import java.util.Map;

/**
 * A finished audit with its scores, next actions and the change since the previous finished audit
 * of the same subject and type.
 *
 * @param previous the audit compared with, or null for the first one
 * @param changes per dimension and, last, overall; empty for the first audit
 */
public record AuditReport(
    AuditRecord audit,
    AuditDefinition definition,
    Map<String, RecordedAnswer> answers,
    Scorecard scorecard,
    AuditRecord previous,
    List<ScoreChange> changes) {

  public AuditReport {
    answers = Map.copyOf(answers);
    changes = List.copyOf(changes);
  }
}
