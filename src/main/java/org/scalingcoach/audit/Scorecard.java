package org.scalingcoach.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of an audit: each answer counts at the maturity level of the chosen option, a
 * dimension scores the mean of its answers, and the audit the mean of its assessed dimensions.
 * Skipped questions are left out of the scores but become candidate next actions.
 */
public record Scorecard(
    List<DimensionScore> dimensions, DimensionScore overall, List<NextAction> actions) {
  static final int ACTIONS = 3;

  public Scorecard {
    dimensions = List.copyOf(dimensions);
    actions = List.copyOf(actions);
  }

  public static Scorecard of(AuditDefinition definition, List<RecordedAnswer> answers) {
    Map<String, RecordedAnswer> byQuestion = new HashMap<>();
    answers.forEach(a -> byQuestion.put(a.questionId(), a));
    MaturityModel model = definition.model();
    List<DimensionScore> dimensions = new ArrayList<>();
    for (AuditDimension dimension : definition.dimensions()) {
      double sum = 0;
      int answered = 0;
      int skipped = 0;
      for (AuditQuestion question : dimension.questions()) {
        RecordedAnswer answer = byQuestion.get(question.id());
        if (answer == null || answer.isSkipped()) {
          skipped++;
        } else {
          sum += answer.level();
          answered++;
        }
      }
      double mean = answered == 0 ? model.lowest().value() : sum / answered;
      dimensions.add(score(model, dimension.id(), dimension.name(), mean, answered, skipped));
    }
    List<DimensionScore> assessed = dimensions.stream().filter(DimensionScore::assessed).toList();
    double overallMean =
        assessed.stream()
            .mapToDouble(DimensionScore::meanLevel)
            .average()
            .orElse(model.lowest().value());
    DimensionScore overall =
        score(
            model,
            "overall",
            "Overall",
            overallMean,
            dimensions.stream().mapToInt(DimensionScore::answered).sum(),
            dimensions.stream().mapToInt(DimensionScore::skipped).sum());
    return new Scorecard(dimensions, overall, actions(definition, byQuestion, dimensions));
  }

  private static DimensionScore score(
      MaturityModel model, String id, String name, double mean, int answered, int skipped) {
    double rounded = Math.round(mean * 100.0) / 100.0;
    MaturityLevel level = model.reachedBy(rounded);
    return new DimensionScore(
        id,
        name,
        rounded,
        model.percent(rounded),
        level,
        model.after(level).orElse(null),
        answered,
        skipped);
  }

  /**
   * The gaps to work on first: the lowest answers, in the weakest dimensions, then questions nobody
   * could answer (not knowing is a gap too).
   */
  private static List<NextAction> actions(
      AuditDefinition definition,
      Map<String, RecordedAnswer> answers,
      List<DimensionScore> dimensions) {
    Map<String, Double> dimensionMean = new HashMap<>();
    dimensions.forEach(
        d -> dimensionMean.put(d.id(), d.assessed() ? d.meanLevel() : Double.MAX_VALUE));
    MaturityModel model = definition.model();
    record Candidate(AuditQuestion question, Integer level, int order) {}
    List<Candidate> candidates = new ArrayList<>();
    List<AuditQuestion> questions = definition.questions();
    for (int i = 0; i < questions.size(); i++) {
      AuditQuestion question = questions.get(i);
      RecordedAnswer answer = answers.get(question.id());
      Integer level = answer == null || answer.isSkipped() ? null : answer.level();
      if (level == null || level < model.highest().value()) {
        candidates.add(new Candidate(question, level, i));
      }
    }
    candidates.sort(
        Comparator.comparing((Candidate c) -> c.level() == null)
            .thenComparingInt(c -> c.level() == null ? 0 : c.level())
            .thenComparingDouble(c -> dimensionMean.get(c.question().dimensionId()))
            .thenComparingInt(Candidate::order));
    return candidates.stream()
        .limit(ACTIONS)
        .map(
            c ->
                new NextAction(
                    c.question().id(),
                    definition.dimension(c.question().dimensionId()).name(),
                    c.question().action(),
                    c.question().knowledge(),
                    c.level() == null
                        ? "Not answered yet"
                        : "Now: "
                            + model
                                .level(c.level())
                                .map(MaturityLevel::label)
                                .orElse(String.valueOf(c.level()))))
        .toList();
  }
}
