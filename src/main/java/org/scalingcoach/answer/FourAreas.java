package org.scalingcoach.answer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.knowledge.Topic;
import org.scalingcoach.retrieval.Hit;

/**
 * A question that names all four areas where scaling goes wrong ("data, models, people, cloud
 * costs... where do we start?") asks about them together, so it is answered by a section that
 * treats them together, not by the one area whose words it happens to match best.
 */
final class FourAreas {
  /** How far below the leading section a section treating the areas together may score. */
  private static final double REACH = 0.07;

  /**
   * How many of the four areas a question must name to be about them together: naming three is
   * still often a comparison of two ("the whole budget into the model, nothing into the people").
   */
  private static final int NAMED = 4;

  /** How often a section must mention an area for it to treat that area, not just touch it. */
  private static final int TREATED = 2;

  /** The words by which questions and sections name each of the four areas. */
  private static final Map<Topic, Pattern> AREAS =
      Map.of(
          Topic.DATA_GOVERNANCE,
          Pattern.compile("\\b(data|datasets?|records|fields?)\\b"),
          Topic.MODEL_RETRAINING,
          Pattern.compile("\\b(models?|drift\\w*|retrain\\w*|monitor\\w*|mlops|ml|stale)\\b"),
          Topic.CHANGE_MANAGEMENT,
          Pattern.compile(
              "\\b(people|adoption|users|staff|employees|rollout|stakeholders|change (management|mgmt))\\b"),
          Topic.INFRASTRUCTURE_COST,
          Pattern.compile(
              "\\b(costs?|cloud|bills?|spend|infrastructure|budgets?|gpus?|finops|money)\\b"));

  /**
   * How close to the best hit the sections of {@link #SPLIT_AREAS} different areas must score for
   * the question's evidence to be split between the areas.
   */
  private static final double SPLIT = 0.10;

  /**
   * How many of the four areas must score close to the best: two close areas is most often a
   * question on the border between them ("how much does monitoring the model cost"), which one of
   * them answers.
   */
  private static final int SPLIT_AREAS = 3;

  /** How close to the best hit a strategy section must score to lead a split question. */
  private static final double SPLIT_REACH = 0.03;

  private FourAreas() {}

  /**
   * The position in {@code hits} of the strategy section to lead with, or -1: when the retrieval's
   * own scores ({@code retrieved}, before any preference for a kind of section) put sections of
   * three or more of the four areas close to the best, the question is about how the areas bear on
   * each other, and the best strategy section, if it scores about as well, is where the areas are
   * treated together. This reads the evidence, not the question's words: "the build team moved on,
   * there's no money left for retraining and every team builds its own pipelines" names no area by
   * its usual word and matches three.
   */
  static int split(List<Hit> retrieved, List<Hit> hits) {
    double best = retrieved.stream().mapToDouble(Hit::score).max().orElse(0);
    java.util.Set<Topic> close = java.util.EnumSet.noneOf(Topic.class);
    Hit strategy = null;
    for (Hit hit : retrieved) {
      Topic topic = hit.section().topic();
      if (topic == Topic.SCALING_STRATEGY) {
        if (strategy == null || hit.score() > strategy.score()) {
          strategy = hit;
        }
      } else if (hit.score() >= best - SPLIT) {
        close.add(topic);
      }
    }
    if (close.size() < SPLIT_AREAS || strategy == null || strategy.score() < best - SPLIT_REACH) {
      return -1;
    }
    if (hits.get(0).section().topic() == Topic.SCALING_STRATEGY) {
      return -1;
    }
    for (int i = 1; i < hits.size(); i++) {
      if (hits.get(i).section().key().equals(strategy.section().key())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The position of the section to lead with, or -1: when {@code query} names all four areas, the
   * hit within reach of the leading one that treats the most areas, if it treats more than the
   * leading one.
   */
  static int together(List<Hit> hits, String query) {
    if (named(query) < NAMED) {
      return -1;
    }
    Hit top = hits.get(0);
    int best = -1;
    int most = treated(top.section());
    for (int i = 1; i < hits.size(); i++) {
      Hit candidate = hits.get(i);
      if (candidate.score() < top.score() - REACH) {
        break;
      }
      int areas = treated(candidate.section());
      if (areas > most) {
        most = areas;
        best = i;
      }
    }
    return best;
  }

  /** How many of the four areas {@code text} names. */
  static int named(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int named = 0;
    for (Pattern area : AREAS.values()) {
      if (area.matcher(lower).find()) {
        named++;
      }
    }
    return named;
  }

  /** How many of the four areas {@code section} mentions at least twice. */
  static int treated(Section section) {
    String lower = section.text().toLowerCase(Locale.ROOT);
    int treated = 0;
    for (Pattern area : AREAS.values()) {
      Matcher matcher = area.matcher(lower);
      int mentions = 0;
      while (mentions < TREATED && matcher.find()) {
        mentions++;
      }
      if (mentions >= TREATED) {
        treated++;
      }
    }
    return treated;
  }
}
