package org.scalingcoach.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.scalingcoach.store.SqliteRoleStore.Role;

class AuditReportTest {
  private static final Actor ANNA = new Actor("T1", "UANNA");
  private static final Actor BOB = new Actor("T1", "UBOB");
  private static final Actor CONFIGURED_MANAGER = new Actor("T1", "UBOSS");
  private final AuditFixture fixture = new AuditFixture();

  @Test
  void the_lowest_answers_give_the_lowest_named_level_and_three_linked_actions() {
    AuditRecord audit = fixture.finishWith(ANNA, "audit-your-data", "Churn", 0);

    AuditReport report = fixture.history.report(ANNA, audit.id());

    Scorecard card = report.scorecard();
    assertThat(card.overall().level().name()).isEqualTo("Absent");
    assertThat(card.overall().score()).isEqualTo(2.0);
    assertThat(card.dimensions())
        .extracting(DimensionScore::name)
        .containsExactly(
            "Data catalogue",
            "Data quality",
            "Ownership",
            "Silos between sources",
            "Pipeline headroom");
    assertThat(card.actions())
        .hasSize(3)
        .allSatisfy(
            a -> {
              assertThat(a.knowledge()).matches("[a-z0-9-]+#[a-z0-9-]+");
              assertThat(a.finding()).startsWith("Now: 0 Absent");
            });
    assertThat(report.previous()).isNull();
    assertThat(report.changes()).isEmpty();
  }

  @Test
  void scores_are_the_mean_level_per_dimension_and_the_mean_of_dimensions_overall() {
    Progress p = fixture.engine.start(ANNA, "infrastructure-and-cost", "Search");
    // Load testing: "target" (Walk, 2) and "monitored" (Run, 3) → mean 2.5 → Walk, 75 of 100.
    p = fixture.engine.answer(ANNA, p.audit().id(), p.audit().revision(), "load-test", "target");
    p =
        fixture.engine.answer(
            ANNA, p.audit().id(), p.audit().revision(), "breaking-point", "monitored");
    AuditRecord finished = fixture.engine.finish(ANNA, p.audit().id());

    Scorecard card = fixture.history.report(ANNA, finished.id()).scorecard();

    DimensionScore load = card.dimensions().get(0);
    assertThat(load.meanLevel()).isEqualTo(2.5);
    assertThat(load.score()).isEqualTo(75.0);
    assertThat(load.level().name()).isEqualTo("Walk");
    assertThat(load.next().name()).isEqualTo("Run");
    assertThat(load.gapToNext()).isEqualTo(0.5);
    assertThat(card.dimensions().subList(1, card.dimensions().size()))
        .noneMatch(DimensionScore::assessed);
    assertThat(card.overall().score()).as("only assessed dimensions count").isEqualTo(75.0);
    assertThat(card.actions())
        .extracting(NextAction::questionId)
        .as("answered gaps come before unanswered questions")
        .startsWith("load-test");
  }

  @Test
  void a_second_audit_of_the_same_subject_reports_improvement_per_dimension() {
    fixture.finishWith(ANNA, "plan-for-mlops", "Fraud model", 0);
    fixture.clock.advance(Duration.ofDays(90));
    AuditRecord second = fixture.finishWith(ANNA, "plan-for-mlops", "fraud model", 2);

    AuditReport report = fixture.history.report(ANNA, second.id());

    assertThat(report.previous()).isNotNull();
    assertThat(report.changes())
        .hasSize(6)
        .allSatisfy(c -> assertThat(c.trend()).isEqualTo(Trend.IMPROVED));
    assertThat(report.changes().get(5).name()).isEqualTo("Overall");
    assertThat(report.changes().get(5).delta()).isPositive();
  }

  @Test
  void managers_see_every_audit_of_their_workspace_and_others_only_their_own() {
    fixture.finishWith(ANNA, "audit-your-data", "Churn", 0);
    fixture.clock.advance(Duration.ofDays(30));
    AuditRecord bobs = fixture.finishWith(BOB, "audit-your-data", "Churn", 3);
    fixture.finishWith(new Actor("T2", "UCARL"), "audit-your-data", "Churn", 3);

    assertThat(fixture.history.visible(ANNA)).extracting(AuditRecord::userId).containsOnly("UANNA");
    assertThat(fixture.history.visible(CONFIGURED_MANAGER))
        .extracting(AuditRecord::userId)
        .containsExactlyInAnyOrder("UANNA", "UBOB");
    assertThatThrownBy(() -> fixture.history.report(ANNA, bobs.id()))
        .hasMessageContaining("someone else");
    assertThat(fixture.history.report(CONFIGURED_MANAGER, bobs.id()).audit().userId())
        .isEqualTo("UBOB");

    fixture.roles.grant(ANNA, Role.MANAGER, "cli", fixture.clock.instant());
    assertThat(fixture.history.latest(ANNA))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.latest().id()).isEqualTo(bobs.id());
              assertThat(s.audits()).isEqualTo(2);
              assertThat(s.trend()).isEqualTo(Trend.IMPROVED);
              assertThat(s.title()).isEqualTo("Audit your data");
            });
    assertThat(fixture.history.history(ANNA, "audit-your-data", "CHURN")).hasSize(2);
  }

  @Test
  void an_unfinished_audit_has_no_report() {
    Progress open = fixture.engine.start(ANNA, "audit-your-data", "Churn");

    assertThatThrownBy(() -> fixture.history.report(ANNA, open.audit().id()))
        .hasMessageContaining("not finished");
  }

  @Test
  void markdown_export_shows_levels_actions_change_and_answers() {
    fixture.finishWith(ANNA, "engage-stakeholders", "CRM rollout", 0);
    fixture.clock.advance(Duration.ofDays(90));
    AuditRecord second = fixture.finishWith(ANNA, "engage-stakeholders", "CRM rollout", 4);

    String markdown = MarkdownExport.render(fixture.history.report(ANNA, second.id()));

    assertThat(markdown)
        .startsWith("# Engage stakeholders: CRM rollout")
        .contains("**Overall: ")
        .contains("| Awareness | ")
        .contains("## Next three actions")
        .contains("## Change since 2026-01-05")
        .contains("improved +")
        .contains("- Do the people affected know why the AI tool is being introduced");
  }

  @Test
  void csv_export_neutralises_spreadsheet_formulas_and_quotes_commas() {
    AuditRecord audit =
        fixture.finishWith(ANNA, "audit-your-data", "=HYPERLINK(\"http://evil\",\"x\")", 0);

    String csv = CsvExport.render(fixture.history.report(ANNA, audit.id()));

    assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line).doesNotStartWith("="));
    assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",");
    assertThat(csv.lines()).hasSize(1 + 5 + 1 + 11);
    assertThat(CsvExport.cell("+1")).isEqualTo("'+1");
    assertThat(CsvExport.cell("@sum")).isEqualTo("'@sum");
    assertThat(CsvExport.cell("-2")).isEqualTo("'-2");
    assertThat(CsvExport.cell("plain")).isEqualTo("plain");
  }

  @Test
  void the_chart_is_drawn_at_twice_its_layout_width_with_a_row_per_dimension() throws IOException {
    fixture.finishWith(ANNA, "plan-for-mlops", "Fraud", 1);
    fixture.clock.advance(Duration.ofDays(1));
    AuditRecord audit = fixture.finishWith(ANNA, "plan-for-mlops", "Fraud", 3);

    byte[] png = ScoreChart.png(fixture.history.report(ANNA, audit.id()));

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(ScoreChart.WIDTH * ScoreChart.SCALE);
    // Five dimensions, each a name line and two bars, fit in a card without scrolling.
    assertThat(image.getHeight()).isBetween(300 * ScoreChart.SCALE, 520 * ScoreChart.SCALE);
  }

  @Test
  void a_long_dimension_name_wraps_onto_at_most_two_lines_that_fit() {
    var g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    var font = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13);
    String name =
        "Governance, ownership and accountability for every model in production ".repeat(3);

    List<String> lines = ScoreChart.wrap(name, font, g, 200, 2);

    assertThat(lines).hasSize(2);
    assertThat(lines)
        .allSatisfy(
            line -> assertThat(g.getFontMetrics(font).stringWidth(line)).isLessThanOrEqualTo(200));
    assertThat(lines.get(1)).endsWith("…");
    assertThat(ScoreChart.wrap("Data quality", font, g, 200, 2)).containsExactly("Data quality");
  }
}
