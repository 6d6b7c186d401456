package org.scalingcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scalingcoach.llm.FakeLlmServer.Reply;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.answer.Asker;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditFixture;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.config.LlmSettings.Provider;
import org.scalingcoach.knowledge.Section;

class AuditSummarizerTest {
  private static final Asker MANAGER = new Asker("T1", "U9");

  private FakeLlmServer model;
  private AuditSummarizer summarizer;
  private ReportFacts facts;

  @BeforeEach
  void start() {
    model = new FakeLlmServer();
    summarizer =
        LlmFixtures.features(
                LlmFixtures.settings(Provider.OPENAI, model.baseUrl(), Duration.ofSeconds(5), 100),
                LlmFixtures.usageLog())
            .auditSummaries();
    List<Section> sections = TestCore.shared().knowledge().sections().subList(0, 2);
    facts =
        new ReportFacts(
            "Audit your data",
            List.of("Overall score: 2.4 of 5", "Weakest area: data ownership (1.5 of 5)"),
            sections);
  }

  @AfterEach
  void stop() {
    model.close();
  }

  @Test
  void should_write_a_summary_from_the_report_facts_citing_the_linked_sections() {
    model.reply(
        Reply.text("Your team scores 2.4 of 5 [2]. ", "Start by naming data owners [2][5]."));

    AuditSummary summary = summarizer.summarise(MANAGER, facts).orElseThrow();

    assertThat(summary.markdown())
        .isEqualTo("Your team scores 2.4 of 5 [1]. Start by naming data owners [1].");
    assertThat(summary.cited()).containsExactly(facts.sections().get(1));
    String user = model.lastRequest().user();
    assertThat(user)
        .contains("Audit your data")
        .contains("- Weakest area: data ownership (1.5 of 5)")
        .contains("<source number=\"2\"");
  }

  @Test
  void should_summarise_a_finished_audit_from_its_scores_and_linked_actions() {
    AuditFixture audits = new AuditFixture();
    Actor anna = new Actor("T1", "UANNA");
    AuditRecord finished = audits.finishWith(anna, "audit-your-data", "Churn", 0);
    AuditReport report = audits.history.report(anna, finished.id());
    model.reply(Reply.text("Churn data is at the very start [1]."));

    ReportFacts reportFacts = ReportFacts.of(report, TestCore.shared().knowledge());
    AuditSummary summary = summarizer.summarise(MANAGER, reportFacts).orElseThrow();

    assertThat(reportFacts.facts())
        .contains("Subject: Churn")
        .anyMatch(f -> f.startsWith("Overall: 0 Absent"))
        .anyMatch(f -> f.startsWith("Next action for "));
    assertThat(reportFacts.sections())
        .extracting(Section::key)
        .containsExactlyElementsOf(
            report.scorecard().actions().stream().map(a -> a.knowledge()).distinct().toList());
    assertThat(model.lastRequest().user()).contains("Audit your data", "Subject: Churn");
    assertThat(summary.cited()).containsExactly(reportFacts.sections().get(0));
  }

  @Test
  void should_write_nothing_when_the_model_fails() {
    model.reply(Reply.error(503));

    assertThat(summarizer.summarise(MANAGER, facts)).isEmpty();
  }

  @Test
  void should_write_nothing_without_a_configured_model() {
    assertThat(AuditSummarizer.disabled().summarise(MANAGER, facts)).isEmpty();
    assertThat(model.requests()).isEmpty();
  }
}
