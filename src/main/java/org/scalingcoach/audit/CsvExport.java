package org.scalingcoach.audit;

import java.util.List;

/**
 * Writes a report as CSV, one row per dimension and per answer. Cells that a spreadsheet would run
 * as a formula are neutralised, so a subject like {@code =HYPERLINK(...)} stays plain text.
 */
public final class CsvExport {
  private CsvExport() {}

  public static String render(AuditReport report) {
    StringBuilder csv = new StringBuilder();
    AuditRecord audit = report.audit();
    row(
        csv,
        List.of(
            "audit",
            "subject",
            "finished",
            "row",
            "dimension",
            "question",
            "answer",
            "level",
            "score"));
    String finished = audit.finishedAt().toString();
    for (DimensionScore d : report.scorecard().dimensions()) {
      row(
          csv,
          List.of(
              report.definition().title(),
              audit.subject(),
              finished,
              "dimension",
              d.name(),
              "",
              "",
              d.assessed() ? d.level().label() : "not assessed",
              d.assessed() ? MarkdownExport.number(d.score()) : ""));
    }
    DimensionScore overall = report.scorecard().overall();
    row(
        csv,
        List.of(
            report.definition().title(),
            audit.subject(),
            finished,
            "overall",
            "",
            "",
            "",
            overall.level().label(),
            MarkdownExport.number(overall.score())));
    for (AuditQuestion question : report.definition().questions()) {
      RecordedAnswer answer = report.answers().get(question.id());
      boolean skipped = answer == null || answer.isSkipped();
      String label =
          skipped
              ? "skipped"
              : question
                  .option(answer.optionId())
                  .map(AnswerOption::label)
                  .orElse(answer.optionId());
      String level =
          skipped
              ? ""
              : report
                  .definition()
                  .model()
                  .level(answer.level())
                  .map(MaturityLevel::label)
                  .orElse("");
      row(
          csv,
          List.of(
              report.definition().title(),
              audit.subject(),
              finished,
              "answer",
              report.definition().dimension(question.dimensionId()).name(),
              question.text(),
              label,
              level,
              ""));
    }
    return csv.toString();
  }

  private static void row(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  /**
   * Quotes a value per RFC 4180 and prefixes a quote mark to anything a spreadsheet would evaluate.
   */
  static String cell(String value) {
    String safe = value;
    if (!safe.isEmpty() && "=+-@\t\r|".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      safe = "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
