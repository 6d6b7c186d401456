package org.scalingcoach.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes a report as a Markdown document: scores, next actions, change and every answer. */
public final class MarkdownExport {
  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private MarkdownExport() {}

  public static String render(AuditReport report) {
    AuditRecord audit = report.audit();
    AuditDefinition definition = report.definition();
    Scorecard card = report.scorecard();
    StringBuilder md = new StringBuilder();
    md.append("# ")
        .append(definition.title())
        .append(": ")
        .append(escape(audit.subject()))
        .append("\n\n");
    md.append("Finished ")
        .append(DATE.format(audit.finishedAt()))
        .append(" · definition version ")
        .append(audit.definitionVersion())
        .append(" · scored against ")
        .append(definition.model().name())
        .append("\n\n");
    md.append("**Overall: ")
        .append(card.overall().level().label())
        .append("** (score ")
        .append(number(card.overall().score()))
        .append(" of 100)\n\n");
    md.append("| Dimension | Level | Score | Next level |\n| --- | --- | --- | --- |\n");
    for (DimensionScore d : card.dimensions()) {
      md.append("| ")
          .append(d.name())
          .append(" | ")
          .append(d.assessed() ? d.level().label() : "not assessed")
          .append(" | ")
          .append(d.assessed() ? number(d.score()) : "–")
          .append(" | ")
          .append(d.next() == null ? "top level reached" : d.next().label())
          .append(" |\n");
    }
    md.append("\n## Next three actions\n\n");
    int n = 1;
    for (NextAction action : card.actions()) {
      md.append(n++)
          .append(". **")
          .append(action.dimension())
          .append("** – ")
          .append(action.action())
          .append(" (")
          .append(action.finding())
          .append("; see `")
          .append(action.knowledge())
          .append("`)\n");
    }
    if (!report.changes().isEmpty()) {
      md.append("\n## Change since ")
          .append(DATE.format(report.previous().finishedAt()))
          .append("\n\n");
      md.append("| Dimension | Before | Now | Change |\n| --- | --- | --- | --- |\n");
      for (ScoreChange change : report.changes()) {
        md.append("| ")
            .append(change.name())
            .append(" | ")
            .append(change.before() == null ? "–" : number(change.before()))
            .append(" | ")
            .append(number(change.after()))
            .append(" | ")
            .append(trendText(change))
            .append(" |\n");
      }
    }
    md.append("\n## Answers\n\n");
    for (AuditQuestion question : definition.questions()) {
      RecordedAnswer answer = report.answers().get(question.id());
      String chosen =
          answer == null || answer.isSkipped()
              ? "_skipped_"
              : question
                  .option(answer.optionId())
                  .map(AnswerOption::label)
                  .orElse(answer.optionId());
      md.append("- ").append(question.text()).append(" → ").append(chosen).append("\n");
    }
    return md.toString();
  }

  static String trendText(ScoreChange change) {
    return switch (change.trend()) {
      case IMPROVED -> "improved +" + number(change.delta());
      case DECLINED -> "declined " + number(change.delta());
      case UNCHANGED -> "unchanged";
      case NEW -> "new";
    };
  }

  static String number(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String escape(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
