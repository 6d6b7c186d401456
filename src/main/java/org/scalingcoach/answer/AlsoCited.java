package org.scalingcoach.answer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.retrieval.Hit;
import org.scalingcoach.retrieval.HybridRetriever;

/**
 * Decides whether a question spans two sections ("how do we build a catalogue and who should own
 * each entry?"): a runner-up of the same topic, scoring nearly as well as the best section, that
 * holds a good share of the question's words the best section lacks, is quoted too.
 */
final class AlsoCited {
  /** How far below the best section the second may score. */
  private static final double MARGIN = 0.04;

  /** The share of the question's weighted terms only the second section has. */
  private static final double MIN_GAIN = 0.2;

  /** Runners-up considered after the best section. */
  private static final int REACH = 2;

  private final HybridRetriever retriever;

  /** Analysed terms by section heading and text; bounded by the knowledge base's size. */
  private final Map<String, Set<String>> sectionTerms = new ConcurrentHashMap<>();

  AlsoCited(HybridRetriever retriever) {
    this.retriever = retriever;
  }

  /** The section to cite second, if the question asks about something the first leaves out. */
  Optional<Hit> pick(List<Hit> hits, List<String> queryTerms) {
    if (hits.size() < 2 || queryTerms.isEmpty()) {
      return Optional.empty();
    }
    Hit best = hits.get(0);
    Set<String> covered = terms(best.section());
    for (Hit hit : hits.subList(1, Math.min(hits.size(), 1 + REACH))) {
      if (hit.section().topic() != best.section().topic() || hit.score() < best.score() - MARGIN) {
        continue;
      }
      Set<String> offered = terms(hit.section());
      double gained = 0;
      double total = 0;
      for (String term : queryTerms) {
        double weight = retriever.termWeight(term);
        total += weight;
        if (!covered.contains(term) && offered.contains(term)) {
          gained += weight;
        }
      }
      if (total > 0 && gained / total >= MIN_GAIN) {
        return Optional.of(hit);
      }
    }
    return Optional.empty();
  }

  private Set<String> terms(Section section) {
    String text = section.heading() + " " + section.text();
    return sectionTerms.computeIfAbsent(text, t -> Set.copyOf(retriever.terms(t)));
  }
}
