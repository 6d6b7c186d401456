package org.scalingcoach.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where audits, their answers and the definition snapshots they were started with are kept. Every
 * method is one transaction; {@link #transition} is a compare-and-set on the revision.
 */
public interface AuditStore {

  /** Keeps the exact text of a definition, once per content hash. */
  void saveDefinition(AuditDefinition definition);

  /** The text of a definition snapshot. */
  Optional<String> definitionSource(String contentHash);

  /**
   * Creates an open audit, or returns empty when this person already has an open or paused audit of
   * the type for the subject.
   */
  Optional<AuditRecord> create(
      Actor actor, AuditDefinition definition, String subject, Instant now);

  Optional<AuditRecord> find(long auditId);

  /** The open or paused audit of this person, type and subject. */
  Optional<AuditRecord> findActive(Actor actor, String type, String subject);

  List<RecordedAnswer> answers(long auditId);

  /**
   * Moves an audit to a new position and status, saving {@code answer} if given, only if the audit
   * is still at {@code expectedRevision}. Returns the updated audit, or empty if it had moved on.
   */
  Optional<AuditRecord> transition(long auditId, int expectedRevision, Transition transition);

  /** Audits of a workspace, newest first; {@code userId} null means everyone's. */
  List<AuditRecord> list(String teamId, String userId);

  /** The finished audit of the same subject and type finished just before {@code audit}. */
  Optional<AuditRecord> previousFinished(AuditRecord audit);

  /**
   * A change to an audit.
   *
   * @param answer saved (replacing an earlier answer to the same question) when not null
   * @param score overall score, set when finishing
   */
  record Transition(
      int position,
      AuditStatus status,
      RecordedAnswer answer,
      Instant at,
      Double score,
      String levelName) {

    public static Transition move(
        int position, AuditStatus status, RecordedAnswer answer, Instant at) {
      return new Transition(position, status, answer, at, null, null);
    }
  }
}
