package org.scalingcoach.llm;

import java.util.List;
import org.scalingcoach.knowledge.Section;

/**
 * A short narrative summary of an audit report, whose {@code [n]} markers point into {@code cited}.
 */
public record AuditSummary(String markdown, List<Section> cited) {

  public AuditSummary {
    cited = List.copyOf(cited);
  }
}
