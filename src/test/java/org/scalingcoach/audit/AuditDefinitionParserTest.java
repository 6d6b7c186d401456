package org.scalingcoach.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Problem;

class AuditDefinitionParserTest {
  @TempDir Path dir;

  @Test
  void shipped_audits_load_without_problems_and_cover_the_four_next_steps() {
    AuditCatalog catalog = AuditFixture.catalog();

    assertThat(catalog.definitions())
        .extracting(AuditDefinition::id)
        .containsExactlyInAnyOrder(
            "audit-your-data", "plan-for-mlops", "engage-stakeholders", "infrastructure-and-cost");
    for (AuditDefinition definition : catalog.definitions()) {
      assertThat(definition.questions()).hasSizeBetween(8, 15);
      assertThat(definition.dimensions()).hasSizeGreaterThanOrEqualTo(4);
      for (AuditQuestion question : definition.questions()) {
        assertThat(question.options())
            .allSatisfy(o -> assertThat(definition.model().level(o.level())).isPresent());
      }
    }
  }

  @Test
  void every_shipped_question_links_to_an_existing_knowledge_section() {
    KnowledgeBase knowledge = KnowledgeBase.load(AuditFixture.KNOWLEDGE);
    for (AuditDefinition definition : AuditFixture.catalog().definitions()) {
      for (AuditQuestion question : definition.questions()) {
        assertThat(knowledge.section(question.knowledge())).as(question.id()).isPresent();
      }
    }
  }

  @Test
  void a_link_to_a_missing_section_is_reported_with_file_and_line() throws IOException {
    Path file =
        writeAudit(
            valid()
                .replace(
                    "knowledge: doc#first-section\n        action: Do q3",
                    "knowledge: doc#no-such-section\n        action: Do q3"));

    List<Problem> problems = AuditCatalog.load(dir, knowledgeWithOneDocument()).problems();

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo(file);
              assertThat(p.line()).isEqualTo(lineOf(file, "doc#no-such-section"));
              assertThat(p.message()).contains("doc#no-such-section");
            });
  }

  @Test
  void an_option_level_outside_the_model_is_reported_on_its_line() throws IOException {
    Path file =
        writeAudit(valid().replace("{id: b3, label: B, level: 2}", "{id: b3, label: B, level: 7}"));

    List<Problem> problems = AuditCatalog.load(dir, knowledgeWithOneDocument()).problems();

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(lineOf(file, "level: 7"));
              assertThat(p.message()).contains("level 7 is not a level of the model");
            });
  }

  @Test
  void missing_fields_duplicate_ids_and_too_few_questions_are_all_reported() throws IOException {
    String broken = valid().replace("        help: Help 2\n", "").replace("id: q5", "id: q4");
    broken = broken.substring(0, broken.indexOf("      - id: q8"));
    Path file = writeAudit(broken);

    List<Problem> problems = AuditCatalog.load(dir, knowledgeWithOneDocument()).problems();

    assertThat(problems)
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("missing 'help'"))
        .anySatisfy(m -> assertThat(m).contains("question id 'q4' is used twice"))
        .anySatisfy(m -> assertThat(m).contains("8 to 15 questions, this one has 7"));
    assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo(file));
    assertThat(AuditCatalog.load(dir, knowledgeWithOneDocument()).definitions()).isEmpty();
  }

  @Test
  void broken_yaml_is_reported_at_the_line_where_it_breaks() throws IOException {
    Path file = writeAudit("id: x\nversion: 1\ntitle: [unclosed\nsummary: s\n");

    List<Problem> problems = AuditCatalog.load(dir, knowledgeWithOneDocument()).problems();

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo(file);
              assertThat(p.line()).isGreaterThanOrEqualTo(3);
              assertThat(p.message()).startsWith("not valid YAML");
            });
  }

  @Test
  void a_duplicate_key_and_an_unknown_key_are_reported() throws IOException {
    writeAudit(
        valid().replace("title: Test audit\n", "title: Test audit\ntitle: Again\ncolour: blue\n"));

    List<Problem> problems = AuditCatalog.load(dir, knowledgeWithOneDocument()).problems();

    assertThat(problems)
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("duplicate key 'title'"))
        .anySatisfy(m -> assertThat(m).contains("unknown key 'colour'"));
  }

  @Test
  void a_valid_file_yields_a_definition_with_a_content_hash() throws IOException {
    writeAudit(valid());

    AuditCatalog catalog = AuditCatalog.load(dir, knowledgeWithOneDocument());

    assertThat(catalog.problems()).isEmpty();
    AuditDefinition definition = catalog.find("test-audit").orElseThrow();
    assertThat(definition.questions()).hasSize(8);
    assertThat(definition.contentHash()).hasSize(64);
    assertThat(definition.model().reachedBy(1.9).name()).isEqualTo("One");
  }

  private KnowledgeBase knowledgeWithOneDocument() throws IOException {
    Files.writeString(
        dir.resolve("doc.md"),
        """
        ---
        id: doc
        title: A document
        topic: data-governance
        tags: [x]
        owner: someone
        last_reviewed: 2026-01-01
        ---

        ## First section

        Some text that explains the first thing in enough words to count as a section.
        """);
    return KnowledgeBase.load(dir);
  }

  private Path writeAudit(String yaml) throws IOException {
    Path audits = Files.createDirectories(dir.resolve("audits"));
    Path file = audits.resolve("test.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }

  /** A valid audit of eight questions in two dimensions. */
  static String valid() {
    StringBuilder yaml =
        new StringBuilder(
            """
        id: test-audit
        version: 1
        title: Test audit
        summary: For tests.
        model:
          name: Test model
          levels:
            - {level: 0, name: Zero}
            - {level: 1, name: One}
            - {level: 2, name: Two}
        dimensions:
        """);
    for (int d = 0; d < 2; d++) {
      yaml.append("  - id: dim")
          .append(d)
          .append("\n    name: Dimension ")
          .append(d)
          .append("\n    questions:\n");
      for (int q = d * 4 + 1; q <= d * 4 + 4; q++) {
        yaml.append("      - id: q")
            .append(q)
            .append("\n")
            .append("        text: Question ")
            .append(q)
            .append("?\n")
            .append("        help: Help ")
            .append(q)
            .append("\n")
            .append("        knowledge: doc#first-section\n")
            .append("        action: Do q")
            .append(q)
            .append("\n")
            .append("        options:\n")
            .append("          - {id: a")
            .append(q)
            .append(", label: A, level: 0}\n")
            .append("          - {id: b")
            .append(q)
            .append(", label: B, level: 2}\n");
      }
    }
    return yaml.toString();
  }
}
