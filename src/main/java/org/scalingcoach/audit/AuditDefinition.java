package org.scalingcoach.audit;

import java.util.List;
import java.util.Optional;

/**
 * An audit as an admin wrote it in {@code knowledge/audits/*.yaml}.
 *
 * @param contentHash SHA-256 of the file, so an audit in progress keeps the exact version it began
 *     with
 * @param source the file's text, stored as a snapshot beside every audit started with it
 */
public record AuditDefinition(
    String id,
    int version,
    String title,
    String summary,
    MaturityModel model,
    List<AuditDimension> dimensions,
    String contentHash,
    String source) {

  public AuditDefinition {
    dimensions = List.copyOf(dimensions);
  }

  /** Every question in the order they are asked. */
  public List<AuditQuestion> questions() {
    return dimensions.stream().flatMap(d -> d.questions().stream()).toList();
  }

  public Optional<AuditQuestion> question(String questionId) {
    return questions().stream().filter(q -> q.id().equals(questionId)).findFirst();
  }

  /** The position of a question in the asking order, or -1. */
  public int indexOf(String questionId) {
    List<AuditQuestion> questions = questions();
    for (int i = 0; i < questions.size(); i++) {
      if (questions.get(i).id().equals(questionId)) {
        return i;
      }
    }
    return -1;
  }

  public AuditDimension dimension(String dimensionId) {
    return dimensions.stream()
        .filter(d -> d.id().equals(dimensionId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no dimension " + dimensionId));
  }
}
