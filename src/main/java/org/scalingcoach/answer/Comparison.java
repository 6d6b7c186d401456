package org.scalingcoach.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.retrieval.Hit;
import org.scalingcoach.retrieval.HybridRetriever;

/**
 * Answers "what's the difference between X and Y?" with both sides: for each side the sentence that
 * says what it is, from the best section when it covers both, else from the next section of the
 * same topic that does.
 */
final class Comparison {
  /** Where a side ends: punctuation, a dash that starts another clause, or the end. */
  private static final String END = "(?:[?.!,;]|\\s[-\u2013\u2014]\\s|$)";

  private static final Pattern BETWEEN =
      Pattern.compile("\\bdifferences? between (.+?) (?:and|vs\\.?|versus) (.+?)" + END);
  private static final Pattern DIFFERS =
      Pattern.compile("(?:how (?:does|do|is|are) )?(.+?) differs? from (.+?)" + END);
  private static final Pattern VERSUS =
      Pattern.compile(
          "(?:^|[,:;]\\s*)(?:(?:what'?s|what is|whats|is|are) (?:the )?)?(.+?)"
              + " (?:vs\\.?|versus|compared (?:to|with)|or) (.+?)"
              + END);

  /** A further side of "X vs Y vs Z". */
  private static final Pattern MORE = Pattern.compile("\\s(?:vs\\.?|versus)\\s");

  /** How long one side's quote may grow with the sentences that follow it. */
  private static final int SIDE_CHARS = 450;

  /** How long the list a side introduces may run. */
  private static final int LIST_CHARS = 900;

  /** How much a unit gains for naming a side in its own words rather than through its heading. */
  private static final double NAMES_IT = 0.25;

  /** Sections after the first that may supply the other side. */
  private static final int REACH = 3;

  private final HybridRetriever retriever;

  Comparison(HybridRetriever retriever) {
    this.retriever = retriever;
  }

  /** The things compared in {@code question} ("X vs Y vs Z" names three), when it names them. */
  static Optional<List<String>> sides(String question) {
    String q = question.toLowerCase(Locale.ROOT).strip();
    for (Pattern pattern : List.of(BETWEEN, DIFFERS, VERSUS)) {
      Matcher m = pattern.matcher(q);
      if (m.find()) {
        List<String> sides = new ArrayList<>();
        sides.add(m.group(1).strip());
        for (String side : MORE.split(m.group(2))) {
          sides.add(side.strip());
        }
        return Optional.of(List.copyOf(sides));
      }
    }
    return Optional.empty();
  }

  /**
   * Both sides, each as the unit that names it and not the other, or empty when the sections do not
   * describe both.
   */
  Optional<AnswerComposer.Composed> compose(String query, List<Hit> hits) {
    Optional<List<String>> sides = sides(query);
    if (sides.isEmpty() || hits.isEmpty()) {
      return Optional.empty();
    }
    List<Set<String>> own = distinguishing(sides.get());
    if (own.stream().anyMatch(Set::isEmpty)) {
      return Optional.empty();
    }
    List<Hit> candidates = new ArrayList<>();
    candidates.add(hits.get(0));
    Set<String> heading = new HashSet<>(retriever.terms(hits.get(0).section().heading()));
    // a section whose heading names every side ("Project thinking versus product thinking") is the
    // comparison itself: its neighbours' sentences about one side are not brought in
    boolean itself = own.stream().allMatch(side -> share(heading, side) > 0);
    for (Hit hit : hits.subList(1, Math.min(hits.size(), 1 + REACH))) {
      if (!itself && hit.section().topic() == hits.get(0).section().topic()) {
        candidates.add(hit);
      }
    }
    List<Quote> quotes = new ArrayList<>();
    for (int side = 0; side < own.size(); side++) {
      Optional<Quote> quote = bestQuote(candidates, own.get(side), allBut(own, side));
      if (quote.isEmpty()) {
        return Optional.empty();
      }
      quotes.add(quote.get());
    }
    if (quotes.stream().map(Quote::text).distinct().count() < quotes.size()) {
      return Optional.empty();
    }
    // the best section is cited first whenever it supplies a side, so it stays the answer's source
    List<Hit> cited = new ArrayList<>();
    quotes.stream().map(Quote::hit).filter(h -> h == hits.get(0)).findFirst().ifPresent(cited::add);
    quotes.stream().map(Quote::hit).filter(h -> !cited.contains(h)).forEach(cited::add);
    List<String> parts = new ArrayList<>();
    for (Quote quote : quotes) {
      parts.add(
          "- " + quote.text() + " [" + (cited.indexOf(quote.hit()) + 1) + "]" + quote.items());
    }
    return Optional.of(new AnswerComposer.Composed(String.join("\n", parts), cited));
  }

  /** Each side's terms that no other side shares ("data" and "concept" of two drifts). */
  private List<Set<String>> distinguishing(List<String> sides) {
    List<Set<String>> terms = sides.stream().map(s -> Set.copyOf(retriever.terms(s))).toList();
    List<Set<String>> own = new ArrayList<>();
    for (int side = 0; side < terms.size(); side++) {
      Set<String> only = new HashSet<>(terms.get(side));
      only.removeAll(allBut(terms, side));
      own.add(only);
    }
    return own;
  }

  /** The terms of every side but {@code side}. */
  private static Set<String> allBut(List<Set<String>> sides, int side) {
    Set<String> out = new HashSet<>();
    for (int o = 0; o < sides.size(); o++) {
      if (o != side) {
        out.addAll(sides.get(o));
      }
    }
    return out;
  }

  /** One side: its text and, when that ends by introducing a list, the list as nested items. */
  private record Quote(Hit hit, String text, String items) {}

  /**
   * The unit naming most of {@code side}'s own terms, itself or in its heading, preferring one that
   * does not name the other side and, on a tie, the earlier section and the earlier unit (where a
   * term is introduced).
   */
  private Optional<Quote> bestQuote(List<Hit> candidates, Set<String> side, Set<String> other) {
    Quote best = null;
    double bestScore = 0;
    for (Hit hit : candidates) {
      Section section = hit.section();
      for (int i = 0; i < section.units().size(); i++) {
        String unit = section.units().get(i);
        if (unit.endsWith(":")
            || Character.isLowerCase(unit.charAt(0))
            || AnswerComposer.POINTER.matcher(unit.toLowerCase(Locale.ROOT)).find()) {
          continue; // a lead-in, a continuation, or a pointer that names a side without saying it
        }
        Set<String> terms = new HashSet<>(retriever.terms(unit));
        // a heading about one side says what its units are about: "Level 1" under "Google MLOps
        // levels" is Google's; a heading naming both sides says nothing about either
        Set<String> about = new HashSet<>(terms);
        Set<String> heading = new HashSet<>(retriever.terms(section.heading()));
        if (share(heading, other) == 0) {
          about.addAll(heading);
        }
        // ... but a unit that names the side itself beats its neighbours that only sit under the
        // heading ("Spike test: …" under "Stress tests, spike tests and …", not the list's lead-in)
        double score =
            share(about, side)
                + NAMES_IT * share(terms, side)
                - 0.5 * share(terms, other)
                + (hit == candidates.get(0) ? 0.1 : 0);
        if (score > bestScore + 1e-9) {
          bestScore = score;
          best = withWhatFollows(hit, i, other);
        }
      }
    }
    return bestScore >= 0.5 ? Optional.of(best) : Optional.empty();
  }

  /**
   * The unit and the sentences after it that go on about the same side, up to a short paragraph:
   * they stop at a list item, a new bold label, or a sentence that names the other side.
   */
  private Quote withWhatFollows(Hit hit, int first, Set<String> other) {
    Section section = hit.section();
    StringBuilder out =
        new StringBuilder(section.units().get(first).replaceFirst("^[-*+]\\s+", ""));
    boolean item = section.lists().get(first) > 0;
    int next = first + 1;
    for (; next < section.units().size() && !item; next++) {
      String unit = section.units().get(next);
      if (section.lists().get(next) > 0
          || unit.startsWith("**")
          || out.length() + unit.length() > SIDE_CHARS
          || share(new HashSet<>(retriever.terms(unit)), other) > 0) {
        break;
      }
      out.append(' ').append(unit);
    }
    String text = out.toString();
    if (item || !text.endsWith(":")) {
      return new Quote(hit, text, "");
    }
    // a side that ends by introducing a list ("In practice that means:") brings the list along
    StringBuilder items = new StringBuilder();
    int list = next < section.units().size() ? section.lists().get(next) : 0;
    for (int i = next; list > 0 && i < section.units().size(); i++) {
      int at = section.lists().get(i);
      if (at == 0) {
        break;
      }
      String unit = section.units().get(i).replaceFirst("^[-*+]\\s+", "");
      if (at != list || items.length() + unit.length() > LIST_CHARS) {
        continue;
      }
      items.append("\n  - ").append(unit);
    }
    return new Quote(hit, text, items.toString());
  }

  private double share(Set<String> unitTerms, Set<String> wanted) {
    return retriever.weightedShare(wanted, unitTerms);
  }
}
