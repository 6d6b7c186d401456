package org.scalingcoach.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingcoach.audit.AuditCatalog;
import org.scalingcoach.audit.AuditDefinition;

/** One mistake in one shipped file gives one message at that file, and no audit goes offline. */
class BrokenFileReportTest {
  @TempDir Path copy;

  @BeforeEach
  void copyTheShippedKnowledge() throws IOException {
    Path shipped = Path.of("knowledge");
    try (Stream<Path> files = Files.walk(shipped)) {
      files.forEach(
          from -> {
            try {
              Path to = copy.resolve(shipped.relativize(from).toString());
              if (Files.isDirectory(from)) {
                Files.createDirectories(to);
              } else {
                Files.copy(from, to);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = copy.resolve(file);
    String text = Files.readString(path);
    assertThat(text).contains(from);
    Files.writeString(path, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
  }

  private static List<String> auditIds(AuditCatalog catalog) {
    return catalog.definitions().stream().map(AuditDefinition::id).toList();
  }

  @Test
  void should_report_a_missing_front_matter_fence_once_at_its_own_file() throws IOException {
    edit("model-drift-and-retraining.md", "---\nid:", "id:");

    KnowledgeBase knowledge = KnowledgeBase.load(copy);
    AuditCatalog audits = AuditCatalog.load(copy, knowledge);

    assertThat(knowledge.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file().getFileName().toString())
                  .isEqualTo("model-drift-and-retraining.md");
              assertThat(p.line()).isEqualTo(1);
            });
    assertThat(auditIds(audits)).contains("plan-for-mlops").hasSize(4);
    assertThat(audits.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .contains("point into 'model-drift-and-retraining'")
                    .contains("skipped for its own problem"));
  }

  @Test
  void should_keep_an_audit_working_when_a_document_it_links_to_has_a_topic_typo()
      throws IOException {
    edit(
        "infrastructure-and-cost-at-scale.md",
        "topic: infrastructure-cost",
        "topic: infrastucture");

    KnowledgeBase knowledge = KnowledgeBase.load(copy);
    AuditCatalog audits = AuditCatalog.load(copy, knowledge);

    assertThat(knowledge.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("unknown topic 'infrastucture'"));
    assertThat(auditIds(audits)).contains("infrastructure-and-cost").hasSize(4);
    assertThat(audits.problems()).hasSize(1);
  }

  @Test
  void should_report_each_link_to_a_section_that_does_not_exist_and_still_load_the_audit()
      throws IOException {
    edit(
        "audits/plan-for-mlops.yaml",
        "model-drift-and-retraining#metrics-for-model-health-and-retraining",
        "model-drift-and-retraining#no-such-heading");

    AuditCatalog audits = AuditCatalog.load(copy, KnowledgeBase.load(copy));

    assertThat(audits.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("#no-such-heading"));
    assertThat(auditIds(audits)).contains("plan-for-mlops");
  }

  @Test
  void should_resolve_an_audit_link_to_a_renamed_section_through_its_old_anchor()
      throws IOException {
    edit(
        "model-drift-and-retraining.md",
        "## Metrics for model health and retraining\n",
        "## Measuring model health\n\n<!-- aliases: metrics-for-model-health-and-retraining -->\n");

    KnowledgeBase knowledge = KnowledgeBase.load(copy);
    AuditCatalog audits = AuditCatalog.load(copy, knowledge);

    assertThat(knowledge.problems()).isEmpty();
    assertThat(audits.problems()).isEmpty();
    assertThat(
            knowledge.section("model-drift-and-retraining#metrics-for-model-health-and-retraining"))
        .hasValueSatisfying(s -> assertThat(s.heading()).isEqualTo("Measuring model health"));
  }

  @Test
  void should_report_an_audit_link_to_a_document_without_a_section() throws IOException {
    edit(
        "audits/plan-for-mlops.yaml",
        "model-drift-and-retraining#metrics-for-model-health-and-retraining",
        "model-drift-and-retraining");

    AuditCatalog audits = AuditCatalog.load(copy, KnowledgeBase.load(copy));

    assertThat(audits.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("'model-drift-and-retraining'"));
  }
}
