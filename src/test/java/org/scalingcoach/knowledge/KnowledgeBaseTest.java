package org.scalingcoach.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {
  @TempDir Path dir;

  static String doc(String id, String topic, String body) {
    return """
        ---
        id: %s
        title: Title of %s
        topic: %s
        tags: [one, two]
        owner: data-guild
        last_reviewed: 2026-10-01
        ---
        %s"""
        .formatted(id, id, topic, body);
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content);
  }

  @Test
  void should_load_every_valid_document_with_its_sections() throws IOException {
    write(
        "alpha.md",
        doc(
            "alpha",
            "data-governance",
            "## First part\n\nOne sentence. Another sentence.\n\n"
                + "## Second part\n\n- item one\n- item two, see [beta](beta.md#only-part)\n"));
    write("beta.md", doc("beta", "model-retraining", "## Only part\n\nText about drift.\n"));

    KnowledgeBase knowledge = KnowledgeBase.load(dir);

    assertThat(knowledge.problems()).isEmpty();
    assertThat(knowledge.documents())
        .extracting(KnowledgeDocument::id)
        .containsExactly("alpha", "beta");
    Section second = knowledge.section("alpha#second-part").orElseThrow();
    assertThat(second.units()).containsExactly("item one", "item two, see beta");
    assertThat(second.links()).containsExactly("beta#only-part");
    assertThat(second.line()).isEqualTo(13);
    assertThat(knowledge.section("alpha#first-part").orElseThrow().units())
        .containsExactly("One sentence.", "Another sentence.");
  }

  @Test
  void should_skip_a_broken_file_and_keep_the_rest() throws IOException {
    write("good.md", doc("good", "scaling-strategy", "## Fine\n\nAll good here.\n"));
    write("bad.md", doc("bad", "astrology", "## Stars\n\nNot our topic.\n"));

    KnowledgeBase knowledge = KnowledgeBase.load(dir);

    assertThat(knowledge.documents()).extracting(KnowledgeDocument::id).containsExactly("good");
    assertThat(knowledge.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file().getFileName()).hasToString("bad.md");
              assertThat(p.line()).isEqualTo(4);
              assertThat(p.message()).contains("unknown topic 'astrology'");
            });
  }

  @Test
  void should_report_duplicate_ids_and_broken_cross_links_with_file_and_line() throws IOException {
    write("a.md", doc("a", "data-governance", "## Part\n\nSee [missing](nowhere.md).\n"));
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(
        dir.resolve("sub/a.md"),
        doc("a", "data-governance", "## Part\n\nSee [bad anchor](a.md#no-such-part).\n"));

    KnowledgeBase knowledge = KnowledgeBase.load(dir);

    assertThat(knowledge.problems())
        .extracting(Problem::toString)
        .anyMatch(s -> s.contains("a.md:11: broken cross-link: no document with id 'nowhere'"))
        .anyMatch(s -> s.contains("sub/a.md:1: duplicate id 'a'"))
        .anyMatch(
            s -> s.contains("sub/a.md:11: broken cross-link: 'a' has no section '#no-such-part'"));
  }

  @Test
  void should_ignore_the_audits_folder() throws IOException {
    write("good.md", doc("good", "scaling-strategy", "## Fine\n\nAll good here.\n"));
    Files.createDirectories(dir.resolve("audits"));
    Files.writeString(dir.resolve("audits/notes.md"), "not a knowledge file");

    assertThat(KnowledgeBase.load(dir).problems()).isEmpty();
  }

  @Test
  void should_report_a_missing_folder() {
    KnowledgeBase knowledge = KnowledgeBase.load(dir.resolve("absent"));

    assertThat(knowledge.documents()).isEmpty();
    assertThat(knowledge.problems())
        .singleElement()
        .extracting(Problem::message)
        .asString()
        .contains("COACH_KNOWLEDGE_DIR");
  }

  @Test
  void should_load_the_shipped_knowledge_base_without_problems() {
    KnowledgeBase knowledge = KnowledgeBase.load(Path.of("knowledge"));

    assertThat(knowledge.problems()).isEmpty();
    assertThat(knowledge.documents()).hasSizeGreaterThanOrEqualTo(8);
    for (Topic topic : Topic.values()) {
      assertThat(knowledge.documents()).anyMatch(d -> d.topic() == topic);
    }
  }

  @Test
  void should_keep_the_rest_of_a_file_whose_body_has_a_problem() throws IOException {
    write(
        "partly.md",
        doc("partly", "model-retraining", "## Empty part\n\n## Full part\n\nDrift happens.\n"));

    KnowledgeBase knowledge = KnowledgeBase.load(dir);

    assertThat(knowledge.sections()).extracting(Section::heading).containsExactly("Full part");
    assertThat(knowledge.problems())
        .extracting(Problem::toString)
        .containsExactly(dir.resolve("partly.md") + ":9: section 'Empty part' is empty");
  }

  @Test
  void should_report_a_broken_file_once_not_again_in_every_file_linking_to_it() throws IOException {
    write("target.md", doc("target", "astrology", "## Part\n\nText.\n"));
    write("source.md", doc("source", "data-governance", "## Part\n\nSee [it](target.md#part).\n"));

    KnowledgeBase knowledge = KnowledgeBase.load(dir);

    assertThat(knowledge.problems())
        .singleElement()
        .extracting(Problem::message)
        .asString()
        .startsWith("unknown topic 'astrology'");
    assertThat(knowledge.documents()).extracting(KnowledgeDocument::id).containsExactly("source");
  }
}
