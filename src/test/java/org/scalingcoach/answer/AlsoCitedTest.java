package org.scalingcoach.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.retrieval.Hit;
import org.scalingcoach.retrieval.HybridRetriever;

class AlsoCitedTest {
  private final KnowledgeBase knowledge = TestCore.shared().knowledge();
  private final HybridRetriever retriever = TestCore.shared().retriever();
  private final AlsoCited alsoCited = new AlsoCited(retriever);

  private final Section catalogue =
      section("data-catalogue-quality-ownership#building-a-central-data-catalogue-step-by-step");
  private final Section owners =
      section("data-catalogue-quality-ownership#naming-data-owners-and-stewards");
  private final Section adkar =
      section("adkar-for-ai-rollouts#the-adkar-model-applied-to-an-ai-tool");

  private final List<String> terms =
      retriever.queryTerms("how do we build a data catalogue and name a steward for each dataset?");

  @Test
  void should_cite_a_close_runner_up_that_answers_the_part_the_best_section_leaves_out() {
    List<Hit> hits = List.of(hit(catalogue, 0.80), hit(owners, 0.78));

    assertThat(alsoCited.pick(hits, terms)).map(Hit::section).contains(owners);
  }

  @Test
  void should_not_cite_a_runner_up_that_scores_clearly_lower() {
    List<Hit> hits = List.of(hit(catalogue, 0.80), hit(owners, 0.70));

    assertThat(alsoCited.pick(hits, terms)).isEmpty();
  }

  @Test
  void should_not_cite_a_runner_up_from_another_topic() {
    List<Hit> hits = List.of(hit(catalogue, 0.80), hit(adkar, 0.79));

    assertThat(alsoCited.pick(hits, terms)).isEmpty();
  }

  @Test
  void should_not_cite_a_runner_up_that_adds_none_of_the_question_words() {
    List<Hit> hits = List.of(hit(owners, 0.80), hit(catalogue, 0.79));

    assertThat(alsoCited.pick(hits, retriever.queryTerms("who names the data steward?"))).isEmpty();
  }

  private Section section(String key) {
    return knowledge.section(key).orElseThrow();
  }

  private static Hit hit(Section section, double score) {
    return new Hit(section, score, score, 0, new double[section.units().size()]);
  }
}
