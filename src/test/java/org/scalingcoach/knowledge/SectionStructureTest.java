package org.scalingcoach.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectionStructureTest {
  @TempDir Path dir;
  private final KnowledgeParser parser = new KnowledgeParser();
  private final Path file = Path.of("knowledge/sample.md");

  private java.util.List<String> problems(String body) {
    return parser
        .parse(file, KnowledgeBaseTest.doc("sample", "data-governance", body))
        .problems()
        .stream()
        .map(Problem::toString)
        .toList();
  }

  private Section only(String body) {
    var parsed = parser.parse(file, KnowledgeBaseTest.doc("sample", "data-governance", body));
    assertThat(parsed.problems()).isEmpty();
    return parsed.document().sections().get(0);
  }

  @Test
  void should_take_the_role_from_heading_conventions() {
    assertThat(SectionRole.fromHeading("Warning signs a model is drifting"))
        .isEqualTo(SectionRole.WARNING_SIGNS);
    assertThat(SectionRole.fromHeading("How drift shows up in day-to-day work"))
        .isEqualTo(SectionRole.SYMPTOMS);
    assertThat(SectionRole.fromHeading("MLOps readiness checklist"))
        .isEqualTo(SectionRole.CHECKLIST);
    assertThat(SectionRole.fromHeading("Metrics for model health")).isEqualTo(SectionRole.METRICS);
    assertThat(SectionRole.fromHeading("Questions to ask before scaling"))
        .isEqualTo(SectionRole.QUESTIONS);
    assertThat(SectionRole.fromHeading("Detecting drift: practical techniques"))
        .isEqualTo(SectionRole.REMEDY);
  }

  @Test
  void should_let_a_comment_under_the_heading_set_the_role_and_earlier_anchors() {
    Section section =
        only(
            "## Cost control\n\n<!-- role: checklist; aliases: old-name, older-name -->\n\nText.\n");

    assertThat(section.role()).isEqualTo(SectionRole.CHECKLIST);
    assertThat(section.aliases()).containsExactly("old-name", "older-name");
    assertThat(section.answersTo("old-name")).isTrue();
    assertThat(section.units()).containsExactly("Text.");
  }

  @Test
  void should_read_how_people_ask_for_a_section_without_quoting_it() {
    Section section =
        only(
            "## Cost control\n\n<!-- role: remedy -->\n\n<!-- asked: our GPU bill tripled, now"
                + " what? |  how do we   cut infra cost | | how do we cut infra cost -->\n\n"
                + "Tag every resource.\n");

    assertThat(section.asked())
        .containsExactly("our GPU bill tripled, now what?", "how do we cut infra cost");
    assertThat(section.role()).isEqualTo(SectionRole.REMEDY);
    assertThat(section.units()).containsExactly("Tag every resource.");
    assertThat(section.text()).doesNotContain("GPU");
  }

  @Test
  void should_report_an_overlong_asked_wording_and_one_listed_under_two_sections()
      throws IOException {
    assertThat(problems("## Part\n\n<!-- asked: " + "why ".repeat(60) + "-->\n\nText.\n"))
        .containsExactly(
            "knowledge/sample.md:11: an 'asked' wording is over 200 characters: write it as a"
                + " person would type the question");

    Files.writeString(
        dir.resolve("alpha.md"),
        KnowledgeBaseTest.doc(
            "alpha",
            "data-governance",
            "## One\n\n<!-- asked: who owns the data? -->\n\nText.\n\n"
                + "## Two\n\n<!-- asked: Who owns the data? -->\n\nText.\n"));
    KnowledgeBase knowledge = KnowledgeBase.load(dir);
    assertThat(knowledge.problems())
        .extracting(Problem::toString)
        .containsExactly(
            dir.resolve("alpha.md")
                + ":15: the asked wording 'Who owns the data?' is also listed under alpha#one:"
                + " keep it under the section that answers it");
  }

  @Test
  void should_report_an_unknown_role_and_a_symptom_section_that_links_to_no_remedy() {
    assertThat(
            problems(
                "## Part\n\n<!-- role: recipe -->\n\nText.\n\n## Warning signs of trouble\n\n"
                    + "- One sign.\n"))
        .containsExactlyInAnyOrder(
            "knowledge/sample.md:11: unknown section role 'recipe' (use one of: "
                + SectionRole.allIds()
                + ")",
            "knowledge/sample.md:15: section 'Warning signs of trouble' lists warning-signs but"
                + " links to no remedy: link the section that says what to do");
  }

  @Test
  void should_resolve_links_and_lookups_through_an_alias() throws IOException {
    Files.writeString(
        dir.resolve("alpha.md"),
        KnowledgeBaseTest.doc(
            "alpha",
            "data-governance",
            "## New heading\n\n<!-- aliases: old-heading -->\n\nText.\n"));
    Files.writeString(
        dir.resolve("beta.md"),
        KnowledgeBaseTest.doc(
            "beta", "data-governance", "## Part\n\nSee [the old one](alpha.md#old-heading).\n"));

    KnowledgeBase knowledge = KnowledgeBase.load(dir);

    assertThat(knowledge.problems()).isEmpty();
    assertThat(knowledge.section("alpha#old-heading").orElseThrow().anchor())
        .isEqualTo("new-heading");
    Section part = knowledge.section("beta#part").orElseThrow();
    assertThat(part.linksTo(knowledge.section("alpha#new-heading").orElseThrow()))
        .as("a link by the old anchor links the renamed section")
        .isTrue();
    assertThat(knowledge.section("alpha#new-heading").orElseThrow().linksTo(part)).isFalse();
  }

  @Test
  void should_keep_a_quoted_question_inside_its_sentence() {
    Section section =
        only(
            "## Part\n\nWhen users complain, the first question is \"who maintains this?\" and"
                + " nobody has an answer. Next sentence.\n");

    assertThat(section.units())
        .containsExactly(
            "When users complain, the first question is \"who maintains this?\" and nobody has an"
                + " answer.",
            "Next sentence.");
  }

  @Test
  void should_number_the_list_each_item_belongs_to() {
    Section section = only("## Part\n\nLead-in:\n\n- one\n- two\n\nBetween.\n\n1. three\n");

    assertThat(section.units()).containsExactly("Lead-in:", "one", "two", "Between.", "three");
    assertThat(section.lists()).containsExactly(0, 1, 1, 0, 2);
  }

  @Test
  void should_report_a_bad_synonym_line_and_keep_the_good_ones() throws IOException {
    Files.writeString(
        dir.resolve(Synonyms.FILE), "# comment\ninfra => infrastructure\n=> nothing\ncost\n");
    var problems = new java.util.ArrayList<Problem>();

    Synonyms synonyms = Synonyms.load(dir, problems);

    assertThat(synonyms.rules()).containsExactly("infra => infrastructure");
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            dir.resolve(Synonyms.FILE)
                + ":3: write 'short => long', with words on both sides of '=>'",
            dir.resolve(Synonyms.FILE)
                + ":4: write equivalent words separated by commas, e.g. 'cost, spend'");
  }
}
