package org.scalingcoach.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.knowledge.Topic;
import org.scalingcoach.retrieval.Hit;
import org.scalingcoach.retrieval.HybridRetriever;
import org.scalingcoach.retrieval.Retrieval;

/**
 * Answers without a language model: picks the few sentences or list items of the best sections that
 * share the most meaningful words with the question, and cites the section of each.
 */
public final class ExtractiveAnswerEngine implements AnswerEngine {
  private static final int MAX_SECTIONS = 3;
  private static final int MAX_UNITS = 5;
  private static final int MAX_CHARS = 900;
  private static final double SIMILARITY_SPREAD = 0.10;

  /** How much a unit's meaning (versus its shared words) counts when picking what to quote. */
  private static final double SEMANTIC_WEIGHT = 0.6;

  private final KnowledgeBase knowledge;
  private final HybridRetriever retriever;

  /** Analysed terms of each knowledge unit quoted so far; bounded by the knowledge base's size. */
  private final java.util.Map<String, Set<String>> unitTerms =
      new java.util.concurrent.ConcurrentHashMap<>();

  public ExtractiveAnswerEngine(KnowledgeBase knowledge, HybridRetriever retriever) {
    this.knowledge = knowledge;
    this.retriever = retriever;
  }

  @Override
  public Answer answer(Question question) {
    return answer(question, retrieve(question));
  }

  /** Answers from a retrieval already made for the question by {@link #retrieve(Question)}. */
  public Answer answer(Question question, Retrieval retrieval) {
    if (!retrieval.inScope() || retrieval.hits().isEmpty()) {
      return outOfScope(question.text());
    }
    return compose(question.text(), retrieval);
  }

  /**
   * Retrieves for the question alone; a follow-up that cannot stand alone ("and for fraud?") is
   * retried together with the question before it.
   */
  public Retrieval retrieve(Question question) {
    Retrieval alone = retriever.retrieve(question.text(), 8);
    if (alone.inScope() || question.previousUserQuestion().isEmpty()) {
      return alone;
    }
    String combined = question.previousUserQuestion().get() + " " + question.text();
    Retrieval together = retriever.retrieve(combined, 8);
    return together.inScope() ? together : alone;
  }

  private Answer compose(String question, Retrieval retrieval) {
    List<Hit> chosen = chooseSections(retrieval);
    List<String> terms = retriever.terms(retrieval.query());
    List<Picked> picked = new ArrayList<>();
    for (int rank = 0; rank < chosen.size(); rank++) {
      Section section = chosen.get(rank).section();
      List<String> units = section.units();
      for (int i = 0; i < units.size(); i++) {
        if (units.get(i).endsWith(":")) {
          continue; // a lead-in to a list says nothing on its own
        }
        double relevance =
            SEMANTIC_WEIGHT * chosen.get(rank).unitSimilarities()[i]
                + (1 - SEMANTIC_WEIGHT) * unitScore(units.get(i), terms);
        double score = relevance * (1.0 - 0.25 * rank);
        if (i == 0) {
          score += 0.1 * (1.0 - 0.25 * rank); // a section's opening sentence usually sums it up
        }
        picked.add(new Picked(rank, i, units.get(i), score));
      }
    }
    List<Picked> best = selectUnits(picked);
    List<Citation> citations = new ArrayList<>();
    StringBuilder markdown = new StringBuilder();
    for (int n = 0; n < best.size(); n++) {
      Picked unit = best.get(n);
      Hit hit = chosen.get(unit.rank());
      Citation citation = citation(hit);
      if (!citations.contains(citation)) {
        citations.add(citation);
      }
      int number = citations.indexOf(citation) + 1;
      String text = stripListMarker(unit.text());
      if (n == 0) {
        markdown.append(text).append(" [").append(number).append("]");
        if (best.size() > 1) {
          markdown.append("\n");
        }
      } else {
        markdown.append("\n- ").append(text).append(" [").append(number).append("]");
      }
    }
    Topic topic = chosen.get(0).section().topic();
    return new Answer(
        question, true, topic, markdown.toString(), citations, followUps(chosen, retrieval));
  }

  private static List<Hit> chooseSections(Retrieval retrieval) {
    List<Hit> hits = retrieval.hits();
    double best = hits.get(0).similarity();
    List<Hit> chosen = new ArrayList<>();
    chosen.add(hits.get(0));
    for (Hit hit : hits.subList(1, hits.size())) {
      if (chosen.size() == MAX_SECTIONS) {
        break;
      }
      if (hit.similarity() >= best - SIMILARITY_SPREAD && hit.bm25() > 0) {
        chosen.add(hit);
      }
    }
    return chosen;
  }

  private double unitScore(String unit, List<String> queryTerms) {
    if (queryTerms.isEmpty()) {
      return 0;
    }
    Set<String> terms = unitTerms.computeIfAbsent(unit, u -> Set.copyOf(retriever.terms(u)));
    double shared = 0;
    double total = 0;
    for (String term : queryTerms) {
      double weight = retriever.termWeight(term);
      total += weight;
      if (terms.contains(term)) {
        shared += weight;
      }
    }
    return total == 0 ? 0 : shared / total;
  }

  /** The best units, at most one screenful, shown in reading order: by section, then position. */
  private static List<Picked> selectUnits(List<Picked> candidates) {
    List<Picked> ranked = new ArrayList<>(candidates);
    ranked.sort(Comparator.comparingDouble(Picked::score).reversed());
    List<Picked> selected = new ArrayList<>();
    int chars = 0;
    for (Picked unit : ranked) {
      if (selected.size() == MAX_UNITS) {
        break;
      }
      boolean fromBestSection = unit.rank() == 0;
      if (!selected.isEmpty() && unit.score() < 0.25 && !fromBestSection) {
        continue;
      }
      if (!selected.isEmpty() && chars + unit.text().length() > MAX_CHARS) {
        continue;
      }
      selected.add(unit);
      chars += unit.text().length();
      if (selected.size() >= 3 && unit.score() < 0.35) {
        break;
      }
    }
    selected.sort(Comparator.comparingInt(Picked::rank).thenComparingInt(Picked::position));
    return selected;
  }

  private static String stripListMarker(String text) {
    return text.replaceFirst("^[-*+]\\s+", "");
  }

  private static Citation citation(Hit hit) {
    return Citation.of(hit);
  }

  private List<String> followUps(List<Hit> chosen, Retrieval retrieval) {
    Set<String> cited = new HashSet<>();
    chosen.forEach(h -> cited.add(h.section().key()));
    LinkedHashSet<Section> candidates = new LinkedHashSet<>();
    for (Hit hit : chosen) {
      for (String link : hit.section().links()) {
        knowledge.section(link).ifPresent(candidates::add);
      }
    }
    for (Hit hit : retrieval.hits()) {
      candidates.add(hit.section());
    }
    List<String> questions = new ArrayList<>();
    for (Section section : candidates) {
      if (questions.size() == 3) {
        break;
      }
      if (!cited.contains(section.key())) {
        String question = asQuestion(section.heading());
        if (!questions.contains(question)) {
          questions.add(question);
        }
      }
    }
    return questions;
  }

  /** Turns a section heading into a question a user could click to ask next. */
  static String asQuestion(String heading) {
    String h = heading.strip();
    if (h.endsWith("?")) {
      return h;
    }
    String lowered =
        h.length() > 1 && Character.isUpperCase(h.charAt(0)) && !Character.isUpperCase(h.charAt(1))
            ? Character.toLowerCase(h.charAt(0)) + h.substring(1)
            : h;
    return "Tell me about " + lowered;
  }

  /** The reply when the knowledge base does not cover a question. */
  public static Answer outOfScope(String question) {
    StringBuilder text =
        new StringBuilder(
            "I don't have anything reliable on that in my knowledge base, so I'd rather not guess."
                + " I can help with scaling AI in your company:\n");
    for (Topic topic : Topic.values()) {
      text.append("\n- ").append(topic.label());
    }
    text.append("\n\nTry asking something like \"How do we know our model is drifting?\"");
    return new Answer(
        question,
        false,
        null,
        text.toString(),
        List.of(),
        List.of(
            "What should we check in our data before scaling?",
            "How do we get employees to actually use the AI tool?",
            "What costs do teams forget when they move AI to production?"));
  }

  private record Picked(int rank, int position, String text, double score) {}
}
