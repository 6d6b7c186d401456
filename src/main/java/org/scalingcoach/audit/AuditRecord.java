package org.scalingcoach.audit;

import java.time.Instant;
import java.util.Locale;

/**
 * One audit as stored: who runs it, about what, with which definition snapshot, and where it
 * stands.
 *
 * @param position the index of the question to show next; equal to the question count once every
 *     question has been seen
 * @param revision increases with every change, so a click made on an older view is recognised
 * @param score the overall score from 0 to 100, set when finished
 */
public record AuditRecord(
    long id,
    String teamId,
    String userId,
    String type,
    String subject,
    String definitionHash,
    int definitionVersion,
    AuditStatus status,
    int position,
    int revision,
    Instant startedAt,
    Instant updatedAt,
    Instant finishedAt,
    Double score,
    String levelName) {

  /** How subjects are matched: "Churn model — EMEA" and " churn model — emea" are the same. */
  public static String subjectKey(String subject) {
    return subject.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  public Actor owner() {
    return new Actor(teamId, userId);
  }
}
