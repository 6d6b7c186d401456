package org.scalingcoach.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.knowledge.Synonyms;

class LexicalIndexTest {
  private static final KnowledgeBase SHIPPED = KnowledgeBase.load(Path.of("knowledge"));
  private static final LexicalIndex INDEX =
      new LexicalIndex(SHIPPED.sections(), SHIPPED.synonyms());

  @Test
  void should_read_an_abbreviation_from_the_synonyms_file_as_its_long_form() {
    List<String> terms = INDEX.queryTerms("What should be on the infra checklist?");

    assertThat(terms).contains("infrastructur", "checklist");
    assertThat(INDEX.queryTerms("how do we work out the TCO"))
        .contains("total", "cost", "ownership");
  }

  @Test
  void should_spell_out_abbreviations_for_the_embedder_and_leave_other_questions_alone() {
    assertThat(INDEX.expanded("infra checklist")).contains("infrastructure");
    assertThat(INDEX.expanded("how do we detect drift")).isEqualTo("how do we detect drift");
  }

  @Test
  void should_gloss_the_department_IT_for_the_embedder_which_reads_it_as_the_pronoun() {
    assertThat(INDEX.expanded("IT wants to run the rollout alone")).contains("(IT team)");
    assertThat(INDEX.expanded("is it drifting")).isEqualTo("is it drifting");
  }

  @Test
  void should_search_what_a_question_is_about_not_how_it_is_asked() {
    List<String> asked = INDEX.queryTerms("what should we do before then?");

    assertThat(INDEX.search(asked, 5)).isEmpty();
    assertThat(INDEX.coverage(asked)).as("function words still count as known").isEqualTo(1.0);
    assertThat(INDEX.search(INDEX.queryTerms("who should own it?"), 5)).isNotEmpty();
  }

  @Test
  void should_correct_swapped_letters_to_words_the_knowledge_base_uses() {
    assertThat(INDEX.corrected("how do we detect modle drfit"))
        .isEqualTo("how do we detect model drift");
    assertThat(INDEX.corrected("set up a data catalouge")).isEqualTo("set up a data catalogue");
  }

  @Test
  void should_give_remembered_corrections_and_rarities_as_a_fresh_index_would() {
    LexicalIndex fresh = new LexicalIndex(SHIPPED.sections(), SHIPPED.synonyms());
    INDEX.corrected("how do we detect modle drfit");
    INDEX.idf("drift");
    INDEX.idf("payrol");

    assertThat(INDEX.corrected("is modle drfit normal, and what about tripled bills"))
        .isEqualTo(fresh.corrected("is modle drfit normal, and what about tripled bills"))
        .isEqualTo("is model drift normal, and what about tripled bills");
    assertThat(INDEX.idf("drift")).isEqualTo(fresh.idf("drift")).isLessThan(INDEX.idf("payrol"));
  }

  @Test
  void should_not_turn_a_real_word_into_another_one() {
    assertThat(INDEX.corrected("our bill tripled, no scaring people, lunch"))
        .isEqualTo("our bill tripled, no scaring people, lunch");
  }

  @Test
  void should_leave_a_word_that_only_differs_in_form_from_a_knowledge_word() {
    // the knowledge base says "differences": "difference" is searched as the same term already
    assertThat(INDEX.corrected("the difference between data drift and concept drift"))
        .isEqualTo("the difference between data drift and concept drift");
  }

  @Test
  void should_tell_a_typing_slip_from_a_different_word() {
    assertThat(LexicalIndex.typingSlip("drfit", "drift")).isTrue();
    assertThat(LexicalIndex.typingSlip("retrainng", "retraining")).isTrue();
    assertThat(LexicalIndex.typingSlip("scaring", "scaling")).isFalse();
    assertThat(LexicalIndex.typingSlip("lunch", "launch")).isFalse();
  }

  @Test
  void should_index_without_synonyms_when_the_file_is_missing() {
    LexicalIndex plain = new LexicalIndex(SHIPPED.sections(), Synonyms.NONE);

    assertThat(plain.queryTerms("infra checklist")).containsExactly("infra", "checklist");
  }

  @Test
  void should_read_the_acronym_it_as_the_department_and_not_as_the_stop_word() {
    assertThat(INDEX.queryTerms("should IT own it?")).containsExactly("should", "itdepart", "own");

    List<LexicalIndex.Match> matches =
        INDEX.search(INDEX.queryTerms("IT"), SHIPPED.sections().size());

    assertThat(matches).isNotEmpty();
    assertThat(matches.stream().map(m -> SHIPPED.sections().get(m.section()).anchor()).toList())
        .contains("the-pitfall-treating-ai-as-an-it-project-only")
        .doesNotContain("data-drift-versus-concept-drift");
  }

  @Test
  void should_pair_the_words_that_stand_side_by_side_but_not_across_a_stop_word() {
    assertThat(INDEX.pairs("what about the people side of the rollout"))
        .contains(List.of("peopl", "side"))
        .doesNotContain(List.of("side", "rollout"));
  }

  @Test
  void should_rank_the_section_with_the_phrase_above_one_with_the_same_words_apart() {
    // the same words, as often, in texts of the same length: only their order differs
    Section apart = section("Staff", "One side asked the people about it.");
    Section together = section("Staff", "The people side asked one about it.");
    LexicalIndex index = new LexicalIndex(List.of(apart, together));
    String question = "what changes on the people side";

    List<LexicalIndex.Match> matches =
        index.search(index.queryTerms(question), index.pairs(question), 2);

    assertThat(matches.get(0).section()).isEqualTo(1);
    assertThat(matches.get(0).score()).isGreaterThan(matches.get(1).score());
  }

  @Test
  void should_find_a_section_by_a_word_only_its_asked_wordings_use() {
    Section plain = section("Connecting old systems", "Put an integration layer in front of them.");
    Section asked =
        new Section(
            plain.documentId(),
            plain.documentTitle(),
            plain.topic(),
            plain.tags(),
            "Connecting older systems",
            plain.anchor() + "-asked",
            2,
            plain.text(),
            plain.units(),
            plain.links(),
            plain.role(),
            plain.lists(),
            plain.aliases(),
            plain.blocks(),
            List.of("how do we hook the model up to our mainframe?"));
    LexicalIndex index = new LexicalIndex(List.of(plain, asked), Synonyms.NONE);

    List<LexicalIndex.Match> matches = index.search(index.queryTerms("mainframe integration"), 5);

    assertThat(matches.get(0).section()).isEqualTo(1);
    assertThat(matches.get(0).score()).isGreaterThan(matches.get(1).score());
    // A word no section nor wording uses still finds nothing.
    assertThat(index.search(index.queryTerms("kubernetes"), 5)).isEmpty();
  }

  private static Section section(String heading, String text) {
    Section model = SHIPPED.sections().get(0);
    return new Section(
        model.documentId(),
        model.documentTitle(),
        model.topic(),
        model.tags(),
        heading,
        model.anchor() + "-" + text.length(),
        1,
        text,
        List.of(text),
        List.of());
  }
}
