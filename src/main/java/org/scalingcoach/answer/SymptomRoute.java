package org.scalingcoach.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.retrieval.Hit;

/**
 * How a question about one symptom is answered: by that symptom and the remedy its section routes
 * it to. A symptom section lists many remarks and closes with sentences that send each kind of
 * remark to the section that fixes it ("A bill that jumps is brought back under control with the
 * cost control techniques, and made traceable with tags and budgets from FinOps for AI."). Quoting
 * the whole list answers "what are the signs?", not "our cloud bill doubled, what now?".
 *
 * @param remark the list item the question describes
 * @param routing the sentence that names the remedy for it
 * @param remedy the remedy that sentence names which answers the question best, as a hit (scored by
 *     its shared words alone when the retrieval did not return it)
 */
record SymptomRoute(int remark, int routing, Hit remedy) {
  /** The least similarity between the question and the remark it describes. */
  private static final double REMARK_SIMILARITY = 0.6;

  /** How far the remark must stand out from the next item: else the question is about several. */
  private static final double REMARK_LEAD = 0.1;

  private static final Set<String> MINOR_WORDS =
      Set.of(
          "a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "with", "from", "by", "at",
          "is", "are", "how", "what", "why", "when", "your", "our");

  /**
   * The route for a how or situation question led by a symptom section, when the question describes
   * one of its remarks and a sentence of the section names a remedy for it; else empty.
   *
   * @param relevance how well each of the lead's units answers the question
   * @param sections the sections of the knowledge base by link ({@code id#anchor})
   * @param fit how well a section answers the question together with the remark (its text given),
   *     by the words they share
   */
  static Optional<SymptomRoute> find(
      QuestionKind kind,
      Hit lead,
      double[] relevance,
      List<Hit> hits,
      Function<String, Optional<Section>> sections,
      java.util.function.BiFunction<Section, String, Double> fit) {
    Section section = lead.section();
    if ((kind != QuestionKind.HOW && kind != QuestionKind.SITUATION)
        || !section.role().describesProblem()) {
      return Optional.empty();
    }
    int remark = -1;
    double second = 0;
    for (int i = 0; i < relevance.length; i++) {
      if (section.lists().get(i) == 0) {
        continue;
      }
      if (remark < 0 || relevance[i] > relevance[remark]) {
        second = remark < 0 ? second : Math.max(second, relevance[remark]);
        remark = i;
      } else {
        second = Math.max(second, relevance[i]);
      }
    }
    if (remark < 0
        || similarity(lead, remark) < REMARK_SIMILARITY
        || relevance[remark] - second < REMARK_LEAD) {
      return Optional.empty();
    }
    List<Section> remedies = new ArrayList<>();
    for (String link : section.links()) {
      sections
          .apply(link)
          .filter(s -> s.role().saysWhatToDo() && !remedies.contains(s))
          .ifPresent(remedies::add);
    }
    int routing = -1;
    List<Section> named = List.of();
    for (int i = 0; i < section.units().size(); i++) {
      if (section.lists().get(i) != 0) {
        continue;
      }
      String unit = section.units().get(i);
      List<Section> here = remedies.stream().filter(r -> names(unit, r.heading())).toList();
      if (!here.isEmpty() && (routing < 0 || relevance[i] > relevance[routing])) {
        routing = i;
        named = here;
      }
    }
    if (routing < 0) {
      return Optional.empty();
    }
    String remarkText = section.units().get(remark);
    Section chosen = null;
    double bestFit = -1;
    for (Section remedy : named) {
      double f = fit.apply(remedy, remarkText);
      if (f > bestFit) {
        chosen = remedy;
        bestFit = f;
      }
    }
    Section remedy = chosen;
    Hit best =
        hits.stream()
            .filter(h -> h.section().key().equals(remedy.key()))
            .findFirst()
            .orElseGet(() -> new Hit(remedy, 0, 0, 0, new double[0]));
    return Optional.of(new SymptomRoute(remark, routing, best));
  }

  private static double similarity(Hit hit, int unit) {
    double[] similarities = hit.unitSimilarities();
    return unit < similarities.length ? similarities[unit] : 0;
  }

  /**
   * Whether {@code unit} names the section headed {@code heading}: it repeats a run of the
   * heading's words holding at least two that are not minor words ("cost control techniques",
   * "FinOps for AI", "a load test"), as a link's label does; an abbreviation the unit uses stands
   * for the heading's words it abbreviates ("TCO worksheet" for "total cost of ownership
   * worksheet").
   */
  static boolean names(String unit, String heading) {
    List<String> said = words(unit);
    List<String> title = abbreviated(words(heading), unit);
    for (int start = 0; start < title.size(); start++) {
      for (int at = 0; at < said.size(); at++) {
        int major = 0;
        for (int k = 0;
            start + k < title.size()
                && at + k < said.size()
                && title.get(start + k).equals(said.get(at + k));
            k++) {
          if (!MINOR_WORDS.contains(title.get(start + k)) && ++major >= 2) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * {@code title} with each run of words whose initials spell an abbreviation written in capitals
   * in {@code unit} (minor words inside the run skipped) replaced by that abbreviation.
   */
  private static List<String> abbreviated(List<String> title, String unit) {
    List<String> out = new ArrayList<>(title);
    for (String word : unit.split("[^\\p{L}\\p{N}]+")) {
      if (word.length() < 2 || word.length() > 5 || !word.equals(word.toUpperCase(Locale.ROOT))) {
        continue;
      }
      String initials = word.toLowerCase(Locale.ROOT);
      for (int start = 0; start < out.size(); start++) {
        int matched = 0;
        int end = start;
        while (end < out.size() && matched < initials.length()) {
          String w = out.get(end);
          if (matched > 0 && MINOR_WORDS.contains(w)) {
            end++;
          } else if (w.charAt(0) == initials.charAt(matched)) {
            matched++;
            end++;
          } else {
            break;
          }
        }
        if (matched == initials.length()) {
          out.subList(start, end).clear();
          out.add(start, initials);
          break;
        }
      }
    }
    return out;
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        out.add(word);
      }
    }
    return out;
  }
}
