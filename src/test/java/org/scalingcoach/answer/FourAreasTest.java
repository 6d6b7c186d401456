package org.scalingcoach.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.retrieval.Hit;

class FourAreasTest {
  private final KnowledgeBase knowledge = TestCore.shared().knowledge();

  private final Section upkeep =
      section("mlops-practices-and-maturity#the-pitfall-a-model-launched-with-no-upkeep-plan");
  private final Section budget =
      section(
          "infrastructure-and-cost-at-scale#the-pitfall-budgeting-for-the-build-but-not-for-running-it");
  private final Section owners =
      section("data-catalogue-quality-ownership#naming-data-owners-and-stewards");
  private final Section warning =
      section("change-management-and-adoption#warning-signs-of-an-adoption-problem");
  private final Section connected =
      section("scaling-ai-overview#how-the-four-errors-are-connected-and-reinforce-each-other");

  @Test
  void should_lead_with_the_strategy_section_when_three_areas_score_close_to_the_best() {
    List<Hit> retrieved =
        List.of(hit(upkeep, 0.80), hit(connected, 0.78), hit(budget, 0.75), hit(owners, 0.72));

    assertThat(FourAreas.split(retrieved, retrieved)).isEqualTo(1);
  }

  @Test
  void should_find_the_strategy_section_where_the_preferences_moved_it() {
    List<Hit> retrieved =
        List.of(hit(connected, 0.80), hit(upkeep, 0.79), hit(budget, 0.75), hit(owners, 0.72));
    List<Hit> reordered =
        List.of(hit(upkeep, 0.83), hit(budget, 0.79), hit(owners, 0.72), hit(connected, 0.80));

    assertThat(FourAreas.split(retrieved, reordered)).isEqualTo(3);
  }

  @Test
  void should_leave_a_question_on_the_border_of_two_areas_to_them() {
    List<Hit> retrieved =
        List.of(hit(upkeep, 0.80), hit(connected, 0.79), hit(budget, 0.76), hit(owners, 0.65));

    assertThat(FourAreas.split(retrieved, retrieved)).isEqualTo(-1);
  }

  @Test
  void should_not_lead_with_a_strategy_section_that_scores_clearly_lower() {
    List<Hit> retrieved =
        List.of(
            hit(upkeep, 0.80),
            hit(budget, 0.78),
            hit(owners, 0.76),
            hit(warning, 0.75),
            hit(connected, 0.76));

    assertThat(FourAreas.split(retrieved, retrieved)).isEqualTo(-1);
  }

  @Test
  void should_not_move_anything_when_a_strategy_section_already_leads() {
    Section lesson =
        section(
            "scaling-lessons-and-conclusions#lesson-three-adoption-matters-as-much-as-technology");
    List<Hit> retrieved =
        List.of(
            hit(lesson, 0.80),
            hit(connected, 0.79),
            hit(upkeep, 0.78),
            hit(budget, 0.77),
            hit(owners, 0.76));

    assertThat(FourAreas.split(retrieved, retrieved)).isEqualTo(-1);
  }

  private Section section(String key) {
    return knowledge.section(key).orElseThrow();
  }

  private static Hit hit(Section section, double score) {
    return new Hit(section, score, score, 0, new double[section.units().size()]);
  }
}
