package org.scalingcoach.audit;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The published maturity model an audit is scored against, with its ordered levels. */
public record MaturityModel(String name, List<MaturityLevel> levels) {

  public MaturityModel {
    levels = levels.stream().sorted(Comparator.comparingInt(MaturityLevel::value)).toList();
    if (levels.size() < 2) {
      throw new IllegalArgumentException("a maturity model needs at least two levels");
    }
  }

  public MaturityLevel lowest() {
    return levels.get(0);
  }

  public MaturityLevel highest() {
    return levels.get(levels.size() - 1);
  }

  public Optional<MaturityLevel> level(int value) {
    return levels.stream().filter(l -> l.value() == value).findFirst();
  }

  /**
   * The highest level whose value the mean answer level reaches: a level is earned, not rounded up.
   */
  public MaturityLevel reachedBy(double meanLevel) {
    MaturityLevel reached = lowest();
    for (MaturityLevel level : levels) {
      if (level.value() <= meanLevel + 1e-9) {
        reached = level;
      }
    }
    return reached;
  }

  /** The level after {@code level}, empty at the top. */
  public Optional<MaturityLevel> after(MaturityLevel level) {
    return levels.stream().filter(l -> l.value() > level.value()).findFirst();
  }

  /** A mean level as a score from 0 (lowest level everywhere) to 100 (highest everywhere). */
  public double percent(double meanLevel) {
    double span = highest().value() - lowest().value();
    return Math.round((meanLevel - lowest().value()) / span * 1000.0) / 10.0;
  }
}
