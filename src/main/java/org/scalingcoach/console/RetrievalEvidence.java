package org.scalingcoach.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scalingcoach.CoachSnapshot;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.Citation;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.answer.Question;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.retrieval.Hit;
import org.scalingcoach.retrieval.Retrieval;
import org.scalingcoach.retrieval.ScopePolicy;

/**
 * Evidence from the hybrid retriever: its hits and scores, the scope policy's rule, and, for each
 * quoted sentence, where it came from and how close its meaning is to the question.
 */
public final class RetrievalEvidence implements EvidenceReader {
  private static final Pattern MARKER = Pattern.compile("\\s*\\[(\\d+)]\\s*$");
  private static final int HITS_SHOWN = 8;

  @Override
  public Evidence read(CoachSnapshot snapshot, String question, Answer answer) {
    Retrieval retrieval =
        new ExtractiveAnswerEngine(snapshot.knowledge(), snapshot.retriever())
            .retrieve(Question.of(question));
    Set<String> cited = answer.citations().stream().map(Citation::key).collect(Collectors.toSet());
    List<Evidence.ScoredHit> hits = new ArrayList<>();
    List<Hit> found = retrieval.hits();
    for (int i = 0; i < Math.min(HITS_SHOWN, found.size()); i++) {
      Hit hit = found.get(i);
      Section section = hit.section();
      hits.add(
          new Evidence.ScoredHit(
              i + 1,
              section.key(),
              section.documentTitle(),
              section.heading(),
              section.topic() == null ? "" : section.topic().label(),
              hit.bm25(),
              hit.similarity(),
              hit.score(),
              cited.contains(section.key())));
    }
    return new Evidence(
        hits, scope(retrieval, snapshot.retriever().scopePolicy()), sentences(answer, found));
  }

  static Evidence.ScopeDecision scope(Retrieval retrieval, ScopePolicy policy) {
    double top = retrieval.topSimilarity();
    double coverage = retrieval.termCoverage();
    String reason;
    if (top >= policy.strongSimilarity()) {
      reason =
          "In scope: the closest section means nearly the same ("
              + number(top)
              + " ≥ "
              + number(policy.strongSimilarity())
              + ").";
    } else if (top >= policy.weakSimilarity() && coverage >= policy.minCoverage()) {
      reason =
          "In scope: the closest section is reasonably near ("
              + number(top)
              + " ≥ "
              + number(policy.weakSimilarity())
              + ") and "
              + percent(coverage)
              + " of the question's words occur in the knowledge base (≥ "
              + percent(policy.minCoverage())
              + ").";
    } else if (top >= policy.weakSimilarity()) {
      reason =
          "Not answered: the closest section is only reasonably near ("
              + number(top)
              + ") and just "
              + percent(coverage)
              + " of the question's words occur in the knowledge base (it takes "
              + percent(policy.minCoverage())
              + ").";
    } else {
      reason =
          "Not answered: even the closest section is far in meaning ("
              + number(top)
              + " < "
              + number(policy.weakSimilarity())
              + ").";
    }
    return new Evidence.ScopeDecision(retrieval.inScope(), top, coverage, reason);
  }

  private static List<Evidence.ChosenSentence> sentences(Answer answer, List<Hit> hits) {
    List<Evidence.ChosenSentence> sentences = new ArrayList<>();
    if (!answer.answered()) {
      return sentences;
    }
    for (String line : answer.markdown().split("\n")) {
      Matcher marker = MARKER.matcher(line);
      if (!marker.find()) {
        continue;
      }
      int number = Integer.parseInt(marker.group(1));
      String text = withoutListMarker(line.substring(0, marker.start()).strip());
      if (number < 1 || number > answer.citations().size()) {
        continue;
      }
      Citation citation = answer.citations().get(number - 1);
      sentences.add(explain(number, text, citation, hits));
    }
    return sentences;
  }

  private static Evidence.ChosenSentence explain(
      int number, String text, Citation citation, List<Hit> hits) {
    for (int rank = 0; rank < hits.size(); rank++) {
      Hit hit = hits.get(rank);
      if (!hit.section().key().equals(citation.key())) {
        continue;
      }
      List<String> units = hit.section().units();
      Optional<List<Integer>> run = find(units, text);
      if (run.isEmpty()) {
        break;
      }
      List<Integer> quoted = run.get();
      int first = quoted.get(0);
      double similarity = -1;
      for (int i : quoted) {
        similarity = Math.max(similarity, hit.unitSimilarities()[i]);
      }
      String reason =
          (quoted.size() == 1
                  ? "Sentence " + (first + 1)
                  : "Sentences "
                      + quoted.stream()
                          .map(u -> Integer.toString(u + 1))
                          .collect(Collectors.joining(", ")))
              + " of "
              + units.size()
              + " in the section ranked "
              + (rank + 1)
              + "; "
              + (quoted.size() == 1 ? "its meaning is " : "the closest of them is ")
              + number(similarity)
              + " close to the question"
              + (first == 0 ? ", and a section's opening sentence usually sums it up." : ".");
      return new Evidence.ChosenSentence(number, text, citation.key(), similarity, reason);
    }
    return new Evidence.ChosenSentence(
        number,
        text,
        citation.key(),
        -1,
        "Written from the cited section (not quoted word for word, for example by the language"
            + " model).");
  }

  /**
   * The units {@code text} quotes, in order: one sentence or list item, or sentences of one passage
   * an answer quoted together on one line (it may leave a sentence of the passage out).
   */
  private static Optional<List<Integer>> find(List<String> units, String text) {
    for (int i = 0; i < units.size(); i++) {
      String unit = withoutListMarker(units.get(i));
      if (unit.equals(text)) {
        return Optional.of(List.of(i));
      }
      if (!text.startsWith(unit + " ")) {
        continue;
      }
      List<Integer> quoted = new ArrayList<>(List.of(i));
      String rest = text.substring(unit.length() + 1);
      for (int j = i + 1; j < units.size() && !rest.isEmpty(); j++) {
        String next = withoutListMarker(units.get(j));
        if (rest.equals(next)) {
          quoted.add(j);
          return Optional.of(quoted);
        }
        if (rest.startsWith(next + " ")) {
          quoted.add(j);
          rest = rest.substring(next.length() + 1);
        }
      }
    }
    return Optional.empty();
  }

  private static String withoutListMarker(String text) {
    return text.replaceFirst("^[-*+]\\s+", "");
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }
}
