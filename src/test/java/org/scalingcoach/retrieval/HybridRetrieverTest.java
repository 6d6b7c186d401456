package org.scalingcoach.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingcoach.TestCore;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.knowledge.Topic;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.SqliteEmbeddingCache;

class HybridRetrieverTest {
  @TempDir Path dir;

  @Test
  void should_not_embed_unchanged_sections_again_after_a_restart() {
    List<Section> sections = KnowledgeBase.load(Path.of("knowledge")).sections();
    Database database = Database.open(dir.resolve("coach.db"));
    HashingEmbedder first = new HashingEmbedder();

    HybridRetriever.build(sections, first, new SqliteEmbeddingCache(database), ScopePolicy.DEFAULT);
    HashingEmbedder second = new HashingEmbedder();
    HybridRetriever.build(
        sections,
        second,
        new SqliteEmbeddingCache(Database.open(dir.resolve("coach.db"))),
        ScopePolicy.DEFAULT);

    assertThat(first.embedded.get()).isGreaterThan(sections.size());
    assertThat(second.embedded.get()).isZero();
  }

  @Test
  void should_embed_only_the_section_whose_text_changed() {
    List<Section> sections = KnowledgeBase.load(Path.of("knowledge")).sections();
    Database database = Database.open(dir.resolve("coach.db"));
    HybridRetriever.build(
        sections, new HashingEmbedder(), new SqliteEmbeddingCache(database), ScopePolicy.DEFAULT);
    Section s = sections.get(0);
    Section edited =
        new Section(
            s.documentId(),
            s.documentTitle(),
            s.topic(),
            s.tags(),
            s.heading(),
            s.anchor(),
            s.line(),
            s.text() + " An added sentence.",
            s.units(),
            s.links());
    List<Section> changed = new java.util.ArrayList<>(sections);
    changed.set(0, edited);

    HashingEmbedder counting = new HashingEmbedder();
    HybridRetriever.build(
        changed, counting, new SqliteEmbeddingCache(database), ScopePolicy.DEFAULT);

    assertThat(counting.embedded.get()).isEqualTo(1);
  }

  @Test
  void should_rank_the_section_about_the_question_first() {
    HybridRetriever retriever = TestCore.shared().retriever();

    Retrieval retrieval =
        retriever.retrieve("how can we tell if our model predictions are drifting", 5);

    assertThat(retrieval.inScope()).isTrue();
    assertThat(retrieval.hits().get(0).section().topic()).isEqualTo(Topic.MODEL_RETRAINING);
    assertThat(retrieval.hits().subList(1, retrieval.hits().size()))
        .isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
  }

  @Test
  void should_find_a_section_by_how_people_ask_for_it_though_its_text_shares_no_word() {
    List<Section> plain =
        List.of(
            section("budgets", "Tag every resource and review the spend each week.", List.of()),
            section("owners", "Name a steward for every shared table.", List.of()));
    List<Section> asked =
        List.of(
            plain.get(0),
            section(
                "owners",
                "Name a steward for every shared table.",
                List.of("nobody answers when the customer list is wrong, who fixes it")));
    SqliteEmbeddingCache cache = new SqliteEmbeddingCache(Database.open(dir.resolve("coach.db")));
    String question = "nobody answers when the customer list is wrong: who fixes it?";

    Retrieval before =
        HybridRetriever.build(plain, new HashingEmbedder(), cache, ScopePolicy.DEFAULT)
            .retrieve(question, 2);
    Retrieval after =
        HybridRetriever.build(asked, new HashingEmbedder(), cache, ScopePolicy.DEFAULT)
            .retrieve(question, 2);

    assertThat(before.hits().get(0).similarity()).isLessThan(0.5);
    assertThat(after.hits().get(0).section().anchor()).isEqualTo("owners");
    assertThat(after.hits().get(0).similarity()).isGreaterThan(before.hits().get(0).similarity());
    // The wording is searched, never quoted: the units stay the section's own sentences.
    assertThat(after.hits().get(0).unitSimilarities()).hasSize(1);
  }

  private static Section section(String anchor, String sentence, List<String> asked) {
    return new Section(
        "sample",
        "Sample",
        Topic.DATA_GOVERNANCE,
        List.of(),
        anchor,
        anchor,
        1,
        sentence,
        List.of(sentence),
        List.of(),
        org.scalingcoach.knowledge.SectionRole.EXPLANATION,
        List.of(0),
        List.of(),
        List.of(1),
        asked);
  }

  @Test
  void should_judge_an_unrelated_question_out_of_scope_from_the_evidence() {
    Retrieval retrieval = TestCore.shared().retriever().retrieve("what is the capital of Peru", 5);

    assertThat(retrieval.inScope()).isFalse();
    assertThat(retrieval.topSimilarity()).isLessThan(ScopePolicy.DEFAULT.strongSimilarity());
  }

  @Test
  void should_weigh_rare_terms_above_common_ones() {
    HybridRetriever retriever = TestCore.shared().retriever();

    assertThat(retriever.termWeight("drift")).isGreaterThan(retriever.termWeight("ai"));
  }

  /** Gives every text the same vector, so every question is as close as can be to everything. */
  private static final class SameVector implements Embedder {
    @Override
    public String model() {
      return "same-vector-test";
    }

    @Override
    public float[] embed(String text) {
      float[] vector = new float[8];
      vector[0] = 1;
      return vector;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
      return texts.stream().map(this::embed).toList();
    }
  }

  @Test
  void should_rank_with_one_model_and_take_the_scope_verdict_from_the_other() {
    List<Section> sections = KnowledgeBase.load(Path.of("knowledge")).sections();
    SqliteEmbeddingCache cache = new SqliteEmbeddingCache(Database.open(dir.resolve("coach.db")));
    HybridRetriever alone =
        HybridRetriever.build(sections, new HashingEmbedder(), cache, ScopePolicy.DEFAULT);
    HybridRetriever twoModels =
        HybridRetriever.build(
            sections,
            new HashingEmbedder(),
            new SameVector(),
            cache,
            ScopePolicy.DEFAULT,
            org.scalingcoach.knowledge.Synonyms.NONE);

    Retrieval one = alone.retrieve("what is the capital of Peru", 5);
    Retrieval two = twoModels.retrieve("what is the capital of Peru", 5);

    assertThat(two.hits().stream().map(h -> h.section().key()).toList())
        .isEqualTo(one.hits().stream().map(h -> h.section().key()).toList());
    assertThat(one.topSimilarity()).isLessThan(0.99);
    assertThat(two.topSimilarity()).isGreaterThan(0.99);
    assertThat(two.inScope()).isTrue();
  }

  @Test
  void a_draft_preview_is_searched_with_the_draft_knowledge_bases_synonyms() {
    List<Section> sections = KnowledgeBase.load(Path.of("knowledge")).sections();
    SqliteEmbeddingCache cache = new SqliteEmbeddingCache(Database.open(dir.resolve("coach.db")));
    HybridRetriever live =
        HybridRetriever.build(sections, new HashingEmbedder(), cache, ScopePolicy.DEFAULT);

    Retrieval without =
        live.reindex(sections, org.scalingcoach.knowledge.Synonyms.NONE, cache)
            .retrieve("zorblax zorblax", 5);
    Retrieval with =
        live.reindex(
                sections,
                new org.scalingcoach.knowledge.Synonyms(List.of("zorblax => drift")),
                cache)
            .retrieve("zorblax zorblax", 5);

    assertThat(without.hits()).allMatch(hit -> hit.bm25() == 0);
    assertThat(with.hits()).isNotEmpty();
    assertThat(with.hits().get(0).bm25()).isPositive();
    assertThat(with.hits().get(0).section().heading().toLowerCase()).contains("drift");
  }
}
