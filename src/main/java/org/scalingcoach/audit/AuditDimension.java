package org.scalingcoach.audit;

import java.util.List;

/** A group of questions scored together, such as "Data quality". */
public record AuditDimension(String id, String name, List<AuditQuestion> questions) {

  public AuditDimension {
    questions = List.copyOf(questions);
  }
}
