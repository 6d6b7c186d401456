package org.scalingcoach.llm;

import java.util.List;
import org.scalingcoach.knowledge.Section;

/**
 * What a narrative audit summary may be written from: the audit's name, the report's facts as plain
 * sentences ("Data governance: 2.1 of 5"), and the knowledge sections the report links to.
 */
public record ReportFacts(String audit, List<String> facts, List<Section> sections) {

  public ReportFacts {
    facts = List.copyOf(facts);
    sections = List.copyOf(sections);
  }
}
