package org.scalingcoach.llm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.DimensionScore;
import org.scalingcoach.audit.NextAction;
import org.scalingcoach.audit.ScoreChange;
import org.scalingcoach.knowledge.KnowledgeBase;
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

  /**
   * The facts of a finished audit: overall and per-dimension scores, the change since the last
   * audit, and the next actions with the knowledge sections they link to.
   */
  public static ReportFacts of(AuditReport report, KnowledgeBase knowledge) {
    List<String> facts = new ArrayList<>();
    facts.add("Subject: " + report.audit().subject());
    facts.add("Overall: " + score(report.scorecard().overall()));
    for (DimensionScore dimension : report.scorecard().dimensions()) {
      facts.add(
          dimension.name()
              + ": "
              + (dimension.assessed() ? score(dimension) : "not assessed (all skipped)"));
    }
    for (ScoreChange change : report.changes()) {
      if (change.before() != null) {
        facts.add(
            "Change since the previous audit, "
                + change.name()
                + ": "
                + Math.round(change.before())
                + " to "
                + Math.round(change.after())
                + " of 100");
      }
    }
    Set<Section> sections = new LinkedHashSet<>();
    for (NextAction action : report.scorecard().actions()) {
      facts.add(
          "Next action for "
              + action.dimension()
              + ": "
              + action.action()
              + " ("
              + action.finding()
              + ")");
      knowledge.section(action.knowledge()).ifPresent(sections::add);
    }
    return new ReportFacts(report.definition().title(), facts, List.copyOf(sections));
  }

  private static String score(DimensionScore score) {
    return score.level().label() + ", " + Math.round(score.score()) + " of 100";
  }
}
