package org.scalingcoach.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.knowledge.SectionRole;
import org.scalingcoach.retrieval.Hit;
import org.scalingcoach.retrieval.HybridRetriever;
import org.scalingcoach.retrieval.Retrieval;

/**
 * Writes the text of an answer from its best section, shaped by the kind of question: a how or list
 * question gets the section's whole list with its lead-in, a definition its defining sentences, a
 * who question the ownership statement, a comparison both sides.
 */
final class AnswerComposer {
  /** A full list may run this long; beyond it the answer says how many items are left out. */
  private static final int MAX_LIST_CHARS = 2_000;

  private static final int MAX_SENTENCE_CHARS = 900;

  /** A paragraph up to this long is quoted whole around its best sentence. */
  private static final int PASSAGE_CHARS = 600;

  /** A section of prose only, up to this long, is quoted whole: it is the answer as written. */
  private static final int SHORT_SECTION_CHARS = 1_300;

  /**
   * A why question is answered by the reasoning as written: a section of prose only, up to this
   * long, is quoted whole, because its cause, its effect and its remedy sit in different
   * paragraphs.
   */
  private static final int SHORT_EXPLANATION_CHARS = 1_300;

  /** A sentence from another paragraph joins the passage when it scores this close to the best. */
  private static final double OTHER_PARAGRAPH = 0.8;

  /**
   * A sentence outside a quoted list joins it when it scores this close to the list's best item:
   * the point a list leaves to its closing sentence ("each is cheap to prevent before scaling").
   */
  private static final double BESIDES_SHARE = 0.7;

  /** How much a unit's meaning (versus its shared words) counts when picking what to quote. */
  private static final double SEMANTIC_WEIGHT = 0.6;

  private static final Pattern BOLD_LABEL = Pattern.compile("^(?:[-*+]\\s+)?\\*\\*([^*]+)\\*\\*");
  private static final Pattern ROLE =
      Pattern.compile(
          "\\b(owner|steward|lead|leads|sponsor|team|manager|engineer|scientist|champion|council)s?\\b");

  /** Sentences that point to another section rather than say something themselves. */
  static final Pattern POINTER =
      Pattern.compile(
          "\\b(see|(are|is|as) (summarised|described|covered|explained|set out) in|start with)\\b");

  private static final Pattern OWNERSHIP =
      Pattern.compile(
          "\\b(owner|owns|own|ownership|responsib\\w*|accountab\\w*|lead|leads|led by|decides?)\\b");
  private static final Pattern DEFINING =
      Pattern.compile("\\b(is|are|means|short for|describes|happens when|called)\\b");

  /** Sentences that pass judgement on a plan ("... is a common reason AI tools go unused"). */
  private static final Pattern VERDICT =
      Pattern.compile(
          "\\b(common (reason|mistake|cause)|mistakes?|pitfalls?|traps?|fails?|failure|unused"
              + "|risky|rarely|not enough|too (little|late|small|few)|wrong|red flags?"
              + "|warning signs?|underestimat\\w*)\\b");

  private static final Pattern CAUSAL =
      Pattern.compile("\\b(because|so|why|result|reason|means|since|cost|costs)\\b");

  private final HybridRetriever retriever;
  private final Comparison comparison;
  private final AlsoCited alsoCited;

  /** The knowledge base's sections by link ({@code id#anchor}), for the remedy a symptom names. */
  private final Function<String, Optional<Section>> sections;

  /** Analysed terms of each knowledge unit quoted so far; bounded by the knowledge base's size. */
  private final Map<String, Set<String>> unitTerms = new ConcurrentHashMap<>();

  AnswerComposer(HybridRetriever retriever, Function<String, Optional<Section>> sections) {
    this.retriever = retriever;
    this.sections = sections;
    this.comparison = new Comparison(retriever);
    this.alsoCited = new AlsoCited(retriever);
  }

  /** The text of an answer and the hits it quotes, in the order of their {@code [n]} markers. */
  record Composed(String markdown, List<Hit> cited) {
    Composed {
      cited = List.copyOf(cited);
    }
  }

  /**
   * The answer to {@code retrieval}'s question: both sides for a comparison that names them, else
   * the best section quoted for the kind of question, plus a second section of the same topic when
   * it answers a part of the question the first leaves out.
   */
  Composed compose(QuestionKind kind, Retrieval retrieval, List<String> queryTerms) {
    List<Hit> hits = retrieval.hits();
    if (kind == QuestionKind.COMPARE) {
      Optional<Composed> both = comparison.compose(retrieval.query(), hits);
      if (both.isPresent()) {
        return both.get();
      }
    }
    Hit best = hits.get(0);
    Optional<SymptomRoute> route =
        SymptomRoute.find(
            kind,
            best,
            relevance(best, queryTerms),
            hits,
            sections,
            (section, remark) -> fit(section, queryTerms, remark));
    if (route.isPresent()) {
      return routed(kind, best, route.get(), queryTerms);
    }
    String markdown = quote(kind, best, queryTerms, 1);
    Optional<Hit> also = alsoCited.pick(hits, queryTerms);
    if (also.isPresent()) {
      String more = sentences(also.get().section(), relevance(also.get(), queryTerms), kind, 2);
      if (!more.isEmpty()) {
        return new Composed(markdown + "\n\n" + more + " [2]", List.of(best, also.get()));
      }
    }
    return new Composed(markdown, List.of(best));
  }

  /**
   * How well {@code section} answers the question and the remark it describes: its best unit's
   * share of their words.
   */
  private double fit(Section section, List<String> queryTerms, String remark) {
    List<String> terms = new ArrayList<>(queryTerms);
    terms.addAll(retriever.queryTerms(remark));
    double best = 0;
    for (String unit : section.units()) {
      best = Math.max(best, termScore(unit, terms));
    }
    return best;
  }

  /**
   * The symptom the question describes, the sentence that routes it, and the remedy it is routed
   * to, quoted for the kind of question.
   */
  private Composed routed(
      QuestionKind kind, Hit symptoms, SymptomRoute route, List<String> queryTerms) {
    List<String> units = symptoms.section().units();
    String remedy = quote(kind, route.remedy(), queryTerms, 2);
    return new Composed(
        stripListMarker(units.get(route.remark()))
            + " [1]\n\n"
            + units.get(route.routing())
            + "\n\n"
            + remedy,
        List.of(symptoms, route.remedy()));
  }

  /** The markdown quoting only {@code hit}'s section, cited as {@code [number]}. */
  String quote(QuestionKind kind, Hit hit, List<String> queryTerms, int number) {
    String mark = "[" + number + "]";
    Section section = hit.section();
    double[] relevance = relevance(hit, queryTerms);
    int list = bestList(section, relevance);
    boolean listFirst =
        list > 0
            && kind != QuestionKind.WHO
            && kind != QuestionKind.WHY
            && kind != QuestionKind.COMPARE
            && kind != QuestionKind.JUDGE
            && (kind.wantsList() || section.role() != SectionRole.REMEDY);
    if (kind == QuestionKind.DEFINITION && list > 0) {
      String definition = sentences(section, relevance, kind, 1);
      String quoted = list(section, list, false, mark);
      // the defining sentence, then the list with its own lead-in ("The DAMA … uses six levels:")
      return definition.isEmpty() || quoted.contains(definition)
          ? quoted
          : definition + " " + quoted;
    }
    if (listFirst) {
      String quoted = list(section, list, false, mark);
      return quoted + besides(section, list, relevance, quoted);
    }
    if (kind == QuestionKind.JUDGE && list > 0) {
      // the verdict on the plan as the section words it, then what to do instead
      return proseThenList(section, relevance, kind, 3, list, mark);
    }
    if (kind == QuestionKind.WHY && list > 0) {
      // the list of causes is the answer to why; the best prose says what they add up to
      String quoted = list(section, list, false, mark);
      String prose = sentences(section, relevance, kind, 2);
      return prose.isEmpty() || quoted.contains(prose) ? quoted : prose + "\n\n" + quoted;
    }
    int roles = kind == QuestionKind.WHO ? rolesList(section) : 0;
    if (roles > 0) {
      String owner = sentences(section, relevance, kind, 1);
      String quoted = list(section, roles, false, mark);
      String answer =
          owner.isEmpty() || quoted.contains(owner)
              ? quoted
              : owner + " " + mark + "\n" + list(section, roles, true, mark);
      return answer + besides(section, roles, relevance, answer);
    }
    if (kind == QuestionKind.WHO && list > 0 && leadInNamesRole(section, list)) {
      // who it is, then what that person does ("The product owner: - defines ... - secures ...")
      return proseThenList(section, relevance, kind, 2, list, mark);
    }
    int sentences =
        kind == QuestionKind.DEFINITION ? 2 : section.role() == SectionRole.EXPLANATION ? 4 : 3;
    String text = sentences(section, relevance, kind, sentences);
    return text.isEmpty() ? list(section, Math.max(list, 1), false, mark) : text + " " + mark;
  }

  private double[] relevance(Hit hit, List<String> queryTerms) {
    List<String> units = hit.section().units();
    double[] out = new double[units.size()];
    for (int i = 0; i < out.length; i++) {
      double similarity = i < hit.unitSimilarities().length ? hit.unitSimilarities()[i] : 0;
      out[i] =
          SEMANTIC_WEIGHT * similarity
              + (1 - SEMANTIC_WEIGHT) * termScore(units.get(i), queryTerms);
    }
    return out;
  }

  /**
   * The list that names who does what ("**Data owner:** a business manager ..."), or 0: most of its
   * items open with a bold label naming a role.
   */
  static int rolesList(Section section) {
    Map<Integer, int[]> counts = new java.util.TreeMap<>();
    for (int i = 0; i < section.units().size(); i++) {
      int list = section.lists().get(i);
      if (list > 0) {
        int[] c = counts.computeIfAbsent(list, l -> new int[2]);
        c[0]++;
        String unit = section.units().get(i);
        Matcher label = BOLD_LABEL.matcher(unit);
        if (label.lookingAt()
            && (ROLE.matcher(label.group(1).toLowerCase(Locale.ROOT)).find()
                || unit.contains(" led by "))) {
          c[1]++;
        }
      }
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue()[0] >= 2 && 2 * e.getValue()[1] > e.getValue()[0])
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(0);
  }

  /** Up to {@code max} of the best sentences outside the quoted list, then the list whole. */
  private String proseThenList(
      Section section, double[] relevance, QuestionKind kind, int max, int list, String mark) {
    String quoted = list(section, list, false, mark);
    String prose = sentences(section, relevance, kind, max, quoted);
    return prose.isEmpty() ? quoted : prose + "\n\n" + quoted;
  }

  /** Whether {@code list} is introduced by a role ("The product owner:"): it says what they do. */
  private static boolean leadInNamesRole(Section section, int list) {
    int leadIn = section.lists().indexOf(list) - 1;
    return leadIn >= 0
        && section.lists().get(leadIn) == 0
        && words(section.units().get(leadIn)) < 8
        && ROLE.matcher(section.units().get(leadIn).toLowerCase(Locale.ROOT)).find();
  }

  /**
   * The list that best answers the question, or 0 when the section has no list: scored by its best
   * item or by what introduces it (its lead-in's paragraph, and the paragraph before when the
   * lead-in is a short label such as "Practical steps with employee representatives:"), since a
   * section with several lists says in the prose before each whom or what it is for.
   */
  private static int bestList(Section section, double[] relevance) {
    Map<Integer, Double> scores = new java.util.TreeMap<>();
    for (int i = 0; i < relevance.length; i++) {
      int list = section.lists().get(i);
      if (list > 0) {
        scores.merge(list, relevance[i], Math::max);
      }
    }
    if (scores.size() > 1) {
      scores.replaceAll((list, score) -> Math.max(score, introduction(section, list, relevance)));
    }
    return scores.entrySet().stream()
        .max(Map.Entry.<Integer, Double>comparingByValue().thenComparing(e -> -e.getKey()))
        .map(Map.Entry::getKey)
        .orElse(0);
  }

  /** The relevance of the prose that introduces {@code list}, or 0 when nothing does. */
  private static double introduction(Section section, int list, double[] relevance) {
    int leadIn = section.lists().indexOf(list) - 1;
    if (leadIn < 0 || section.lists().get(leadIn) != 0) {
      return 0;
    }
    int block = section.blocks().get(leadIn);
    int from = words(section.units().get(leadIn)) < 8 ? block - 1 : block;
    double best = 0;
    for (int i = leadIn;
        i >= 0 && section.lists().get(i) == 0 && section.blocks().get(i) >= from;
        i--) {
      best = Math.max(best, relevance[i]);
    }
    return best;
  }

  /**
   * The list's lead-in (with the sentence before it when the lead-in alone says little, such as "A
   * practical plan:") and all its items, cut only when it would not fit a message.
   */
  private static String list(Section section, int list, boolean itemsOnly, String mark) {
    List<String> units = section.units();
    int first = section.lists().indexOf(list);
    StringBuilder out = new StringBuilder();
    if (!itemsOnly && first > 0 && section.lists().get(first - 1) == 0) {
      String leadIn = units.get(first - 1);
      if (words(leadIn) < 8 && first > 1 && section.lists().get(first - 2) == 0) {
        out.append(units.get(first - 2)).append(' ');
      }
      out.append(leadIn).append(' ').append(mark);
    }
    int chars = out.length();
    int shown = 0;
    int total = 0;
    for (int i = first; i < units.size(); i++) {
      if (section.lists().get(i) != list) {
        if (section.lists().get(i) == 0) {
          break;
        }
        continue; // a nested list's items belong to their parent item's point
      }
      total++;
      String item = stripListMarker(units.get(i));
      if (shown > 0 && chars + item.length() > MAX_LIST_CHARS) {
        continue;
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append("- ").append(item);
      if (shown == 0 && !itemsOnly && !out.toString().contains(mark)) {
        out.append(' ').append(mark);
      }
      chars += item.length();
      shown++;
    }
    if (shown < total) {
      out.append("\n_…and ").append(total - shown).append(" more in the source._");
    }
    return out.toString();
  }

  /**
   * Up to two sentences outside the quoted list that answer the question nearly as well as the
   * list's best item ("The first element that scores 3 or lower is the barrier point."), as a
   * paragraph after the list; never a sentence the list's lead-in already quoted.
   */
  private static String besides(Section section, int list, double[] relevance, String quoted) {
    double bestItem = 0;
    for (int i = 0; i < relevance.length; i++) {
      if (section.lists().get(i) == list) {
        bestItem = Math.max(bestItem, relevance[i]);
      }
    }
    int leadIn = section.lists().indexOf(list) - 1;
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < relevance.length; i++) {
      String unit = section.units().get(i);
      if (section.lists().get(i) == 0
          && i != leadIn
          && !unit.endsWith(":")
          && !quoted.contains(unit)
          && words(unit) >= 8
          && relevance[i] >= BESIDES_SHARE * bestItem) {
        chosen.add(i);
      }
    }
    chosen.sort(Comparator.comparingDouble((Integer i) -> -relevance[i]));
    List<Integer> top = new ArrayList<>(chosen.subList(0, Math.min(2, chosen.size())));
    int closing = closing(section, list);
    if (closing >= 0 && !top.contains(closing) && !quoted.contains(section.units().get(closing))) {
      top.add(closing);
    }
    top.sort(Integer::compare);
    StringBuilder out = new StringBuilder();
    for (int i : top) {
      out.append(out.length() == 0 ? "\n\n" : " ").append(section.units().get(i));
    }
    return out.toString();
  }

  /**
   * The sentence right after {@code list} when it closes the list ("Review the budget quarterly …",
   * "The first element that scores 3 or lower is the barrier point."), or -1: authors put the rule,
   * the timing or the threshold there.
   */
  private static int closing(Section section, int list) {
    int last = section.lists().lastIndexOf(list);
    int next = last + 1;
    if (last < 0 || next >= section.units().size() || section.lists().get(next) != 0) {
      return -1;
    }
    String unit = section.units().get(next);
    boolean says =
        !unit.endsWith(":")
            && words(unit) >= 8
            && !Character.isLowerCase(unit.charAt(0))
            && !POINTER.matcher(unit.toLowerCase(Locale.ROOT)).find();
    return says ? next : -1;
  }

  /** The best few sentences of the section for this kind of question, in reading order. */
  private String sentences(Section section, double[] relevance, QuestionKind kind, int max) {
    return sentences(section, relevance, kind, max, "");
  }

  /**
   * As {@link #sentences(Section, double[], QuestionKind, int)}, leaving out what {@code quoted}
   * says.
   */
  private String sentences(
      Section section, double[] relevance, QuestionKind kind, int max, String quoted) {
    List<String> units = section.units();
    List<Integer> candidates = new ArrayList<>();
    double[] score = new double[units.size()];
    for (int i = 0; i < units.size(); i++) {
      String unit = units.get(i);
      boolean item = section.lists().get(i) > 0;
      if (unit.endsWith(":") || (item && !(kind == QuestionKind.WHO && unit.startsWith("**")))) {
        continue; // lead-ins and bare list items say little on their own
      }
      if (Character.isLowerCase(unit.charAt(0))) {
        continue; // a continuation of a lead-in
      }
      if (!quoted.isEmpty() && quoted.contains(unit)) {
        continue; // already in the answer
      }
      String lower = unit.toLowerCase(Locale.ROOT);
      double s = relevance[i];
      if (words(unit) < 8) {
        s *= 0.7; // short framing sentences ("The stages build on each other.")
      }
      if (POINTER.matcher(lower).find()) {
        s *= 0.8; // a sentence that sends the reader elsewhere answers less than one that says
      }
      if (kind == QuestionKind.WHO && OWNERSHIP.matcher(lower).find()) {
        s += 0.2;
      } else if (kind == QuestionKind.DEFINITION && DEFINING.matcher(lower).find()) {
        s += 0.1;
      } else if (kind == QuestionKind.WHY && CAUSAL.matcher(lower).find()) {
        s += 0.05;
      } else if (kind == QuestionKind.JUDGE && VERDICT.matcher(lower).find()) {
        s += 0.05;
      }
      score[i] = s;
      candidates.add(i);
    }
    if (candidates.isEmpty()) {
      return "";
    }
    candidates.sort(Comparator.comparingDouble((Integer i) -> -score[i]));
    List<Integer> chosen =
        passage(
            section,
            candidates,
            score,
            max,
            kind == QuestionKind.WHY ? SHORT_EXPLANATION_CHARS : SHORT_SECTION_CHARS);
    chosen.sort(Integer::compare);
    List<String> parts = new ArrayList<>();
    for (int i : chosen) {
      parts.add(section.lists().get(i) > 0 ? stripListMarker(units.get(i)) : units.get(i));
    }
    return String.join(" ", parts);
  }

  /**
   * What to quote as the author wrote it rather than as sentences stitched from anywhere: a short
   * section of prose whole; else its best paragraphs in reading order, each whole when short or cut
   * to its best sentence and that sentence's strongest neighbours.
   */
  private static List<Integer> passage(
      Section section, List<Integer> ranked, double[] score, int max, int wholeUpTo) {
    List<String> units = section.units();
    int lead = ranked.get(0);
    List<Integer> prose =
        ranked.stream()
            .filter(
                i -> i == lead || !POINTER.matcher(units.get(i).toLowerCase(Locale.ROOT)).find())
            .sorted()
            .toList();
    int proseChars = prose.stream().mapToInt(i -> units.get(i).length()).sum();
    boolean noLists = section.lists().stream().allMatch(l -> l == 0);
    if (max >= 3 && noLists && proseChars <= wholeUpTo) {
      return new ArrayList<>(prose);
    }
    Map<Integer, List<Integer>> paragraphs = new java.util.LinkedHashMap<>();
    for (int i : prose) {
      paragraphs.computeIfAbsent(section.blocks().get(i), b -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> byScore = new ArrayList<>(paragraphs.values());
    byScore.sort(
        Comparator.comparingDouble(
            (List<Integer> p) -> -p.stream().mapToDouble(i -> score[i]).max().orElse(0)));
    double best = score[lead];
    int limit = max >= 3 ? max + 1 : max;
    List<Integer> chosen = new ArrayList<>();
    int chars = 0;
    for (List<Integer> paragraph : byScore) {
      double top = paragraph.stream().mapToDouble(i -> score[i]).max().orElse(0);
      if (!chosen.isEmpty() && (top < OTHER_PARAGRAPH * best || chosen.size() >= limit)) {
        break;
      }
      List<Integer> window = window(paragraph, score, units, limit - chosen.size());
      int length = window.stream().mapToInt(i -> units.get(i).length()).sum();
      if (!chosen.isEmpty() && chars + length > MAX_SENTENCE_CHARS) {
        continue;
      }
      chosen.addAll(window);
      chars += length;
    }
    return chosen;
  }

  /** A paragraph's best sentence and its strongest neighbours, up to a passage's length. */
  private static List<Integer> window(
      List<Integer> paragraph, double[] score, List<String> units, int limit) {
    int at = 0;
    for (int k = 1; k < paragraph.size(); k++) {
      if (score[paragraph.get(k)] > score[paragraph.get(at)]) {
        at = k;
      }
    }
    List<Integer> chosen = new ArrayList<>(List.of(paragraph.get(at)));
    int chars = units.get(paragraph.get(at)).length();
    int before = at - 1;
    int after = at + 1;
    while (chosen.size() < limit) {
      Integer prev = before >= 0 ? paragraph.get(before) : null;
      Integer next = after < paragraph.size() ? paragraph.get(after) : null;
      Integer take =
          prev == null ? next : next == null ? prev : score[next] >= score[prev] ? next : prev;
      if (take == null || chars + units.get(take).length() > PASSAGE_CHARS) {
        break;
      }
      chosen.add(take);
      chars += units.get(take).length();
      if (take.equals(prev)) {
        before--;
      } else {
        after++;
      }
    }
    return chosen;
  }

  private double termScore(String unit, List<String> queryTerms) {
    if (queryTerms.isEmpty()) {
      return 0;
    }
    Set<String> terms = unitTerms.computeIfAbsent(unit, u -> Set.copyOf(retriever.terms(u)));
    return retriever.weightedShare(queryTerms, terms);
  }

  private static int words(String text) {
    return text.strip().split("\\s+").length;
  }

  private static String stripListMarker(String text) {
    return text.replaceFirst("^[-*+]\\s+", "");
  }
}
