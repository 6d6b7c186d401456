package org.scalingcoach.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KnowledgeParserTest {
  private final KnowledgeParser parser = new KnowledgeParser();
  private final Path file = Path.of("knowledge/sample.md");

  @Test
  void should_report_missing_and_unknown_fields() {
    String content =
        """
        ---
        id: sample
        title: Sample
        topic: data-governance
        colour: blue
        owner: x
        last_reviewed: 2026-01-02
        ---
        ## Part

        Text.
        """;

    var parsed = parser.parse(file, content);

    assertThat(parsed.problems())
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            "knowledge/sample.md:5: unknown front-matter field 'colour' (allowed: id, title, topic,"
                + " tags, owner, last_reviewed)",
            "knowledge/sample.md:1: missing front-matter field 'tags'");
  }

  @Test
  void should_report_an_empty_section_at_its_heading_line() {
    String content =
        KnowledgeBaseTest.doc(
            "sample", "data-governance", "## Full\n\nText.\n\n## Empty\n\n## Next\n\nMore.\n");

    var parsed = parser.parse(file, content);

    assertThat(parsed.problems())
        .extracting(Problem::toString)
        .containsExactly("knowledge/sample.md:13: section 'Empty' is empty");
  }

  @Test
  void should_report_bad_yaml_dates_and_names() {
    String content =
        """
        ---
        id: other
        title: Sample
        topic: data-governance
        tags: one
        owner: x
        last_reviewed: last week
        ---
        ## Part

        Text.
        """;

    var parsed = parser.parse(file, content);

    assertThat(parsed.problems())
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            "knowledge/sample.md:5: field 'tags' must be a list, e.g. [data, quality]",
            "knowledge/sample.md:7: field 'last_reviewed' must be a date like 2026-11-02, not 'last"
                + " week'",
            "knowledge/sample.md:2: id 'other' must match the file name: rename the file to other.md");
  }

  @Test
  void should_report_missing_front_matter_and_text_outside_sections() {
    assertThat(parser.parse(file, "# Just markdown\n").problems())
        .extracting(Problem::toString)
        .containsExactly(
            "knowledge/sample.md:1: missing front matter: the file must start with a '---' line");

    var parsed =
        parser.parse(
            file,
            KnowledgeBaseTest.doc("sample", "data-governance", "Intro.\n\n## Part\n\nText.\n"));
    assertThat(parsed.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "knowledge/sample.md:9: text before the first '## ' section is never retrieved: move it");
  }

  @Test
  void should_report_invalid_yaml_with_its_line() {
    var parsed = parser.parse(file, "---\nid: sample\ntitle: [unclosed\n---\n## A\n\nB.\n");

    assertThat(parsed.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).startsWith("front matter is not valid YAML");
              assertThat(p.line()).isBetween(3, 4);
            });
  }

  @Test
  void should_keep_bold_in_units_and_split_sentences() {
    var parsed =
        parser.parse(
            file,
            KnowledgeBaseTest.doc(
                "sample",
                "data-governance",
                "## Part\n\nFirst **key** point. Second point, e.g. a list.\n\n1. **Do:** this\n"));

    Section section = parsed.document().sections().get(0);
    assertThat(section.units())
        .containsExactly("First **key** point.", "Second point, e.g. a list.", "**Do:** this");
    assertThat(section.text()).doesNotContain("**");
  }

  @Test
  void should_make_github_style_anchors() {
    assertThat(Anchors.of("Warning signs: data won't scale"))
        .isEqualTo("warning-signs-data-wont-scale");
    assertThat(Anchors.of("10x–100x volume")).isEqualTo("10x100x-volume");
  }
}
