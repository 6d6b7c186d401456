package org.scalingcoach.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.knowledge.SectionRole;
import org.scalingcoach.retrieval.Hit;
import org.scalingcoach.retrieval.Retrieval;

/**
 * Reorders retrieved sections by what the question asks for: a how-do-we-fix question prefers
 * remedies and checklists over symptoms, a measure question the metrics, a definition the
 * definition. A symptom section that still leads hands over to the remedy it links to.
 */
final class RolePreference {
  /** How far below the symptom section a remedy it does not link to may score and still lead. */
  private static final double UNLINKED_REACH = 0.08;

  /**
   * How far below the symptom section a remedy it links to may score and still lead: further down,
   * the link is to the remedy of another symptom on the list, and the symptom section, which routes
   * each symptom to its remedy in its closing sentences, answers better.
   */
  private static final double LINKED_REACH = 0.25;

  /** How much better an unlinked remedy must score to be preferred over a linked one. */
  private static final double LINK_PREFERENCE = 0.05;

  /** How far below the leading section the section its best sentence points to may score. */
  private static final double POINTER_REACH = 0.10;

  private RolePreference() {}

  static Retrieval apply(Retrieval retrieval, QuestionKind kind) {
    if (retrieval.hits().isEmpty()) {
      return retrieval;
    }
    String query = retrieval.query().toLowerCase(java.util.Locale.ROOT);
    List<Hit> hits = new ArrayList<>();
    for (Hit hit : retrieval.hits()) {
      double bonus = bonus(kind, hit.section().role()) + headingBonus(kind, query, hit.section());
      hits.add(
          new Hit(
              hit.section(),
              hit.score() + bonus,
              hit.similarity(),
              hit.bm25(),
              hit.unitSimilarities()));
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed());
    if (hits.get(0).section().role().describesProblem()
        && wantsRemedy(kind)
        && !namesRole(query, hits.get(0).section().role())) {
      int remedy = remedyFor(hits);
      if (remedy > 0) {
        hits.add(0, hits.remove(remedy));
      }
    }
    int together = FourAreas.together(hits, query);
    if (together < 0) {
      together = FourAreas.split(retrieval.hits(), hits);
    }
    if (together > 0) {
      hits.add(0, hits.remove(together));
    }
    // a list question is answered by the leading section's own list, whatever its closing words
    // point to
    boolean ownList =
        kind == QuestionKind.LIST && hits.get(0).section().lists().stream().anyMatch(l -> l > 0);
    // a section chosen for treating the areas together is not handed over to one of them
    // a verdict or a reason is given where the problem is described, not where the pointer leads
    boolean ownAnswer = kind == QuestionKind.JUDGE || kind == QuestionKind.WHY;
    int pointed = ownList || ownAnswer || together > 0 ? -1 : pointedTo(hits);
    if (pointed > 0) {
      hits.add(0, hits.remove(pointed));
    }
    int numbered = NumberedHeading.named(hits, query);
    if (numbered > 0) {
      hits.add(0, hits.remove(numbered));
    }
    return new Retrieval(
        retrieval.query(),
        hits,
        retrieval.inScope(),
        retrieval.topSimilarity(),
        retrieval.termCoverage());
  }

  /**
   * The position of the section a leading symptom section hands over to, or -1: the best section of
   * its topic that says what to do (a remedy or a checklist, not the questions to ask), within
   * reach. A section the symptoms link to is preferred unless another remedy answers the question
   * clearly better, because a symptom list links its usual remedies, not the one for every symptom
   * it names.
   */
  private static int remedyFor(List<Hit> hits) {
    Hit symptoms = hits.get(0);
    int linked = -1;
    int any = -1;
    for (int i = 1; i < hits.size(); i++) {
      Hit candidate = hits.get(i);
      if (candidate.section().topic() != symptoms.section().topic()
          || !candidate.section().role().saysWhatToDo()) {
        continue;
      }
      boolean linksTo =
          symptoms.section().linksTo(candidate.section())
              && candidate.score() >= symptoms.score() - LINKED_REACH;
      if (any < 0 && (linksTo || candidate.score() >= symptoms.score() - UNLINKED_REACH)) {
        any = i;
      }
      if (linked < 0 && linksTo) {
        linked = i;
      }
    }
    if (linked >= 0
        && (any < 0 || hits.get(linked).score() >= hits.get(any).score() - LINK_PREFERENCE)) {
      return linked;
    }
    return any;
  }

  /**
   * The position of the section the leading one sends the reader to for this very question, or -1:
   * when the leading section's sentence closest to the question is a pointer ("..., as described in
   * scoring ADKAR") to a section it links to, whose heading the pointer names, and which scores
   * within reach, that section is the answer.
   */
  private static int pointedTo(List<Hit> hits) {
    Hit top = hits.get(0);
    double[] similarities = top.unitSimilarities();
    int best = -1;
    for (int u = 0; u < similarities.length && u < top.section().units().size(); u++) {
      if (best < 0 || similarities[u] > similarities[best]) {
        best = u;
      }
    }
    if (best < 0) {
      return -1;
    }
    String unit = top.section().units().get(best).toLowerCase(java.util.Locale.ROOT);
    if (!AnswerComposer.POINTER.matcher(unit).find()) {
      return -1;
    }
    Set<String> said = words(unit);
    for (int i = 1; i < hits.size(); i++) {
      Hit candidate = hits.get(i);
      if (candidate.score() < top.score() - POINTER_REACH) {
        break;
      }
      Set<String> heading = words(candidate.section().heading().toLowerCase(java.util.Locale.ROOT));
      heading.retainAll(said);
      if (top.section().linksTo(candidate.section()) && heading.size() >= 2) {
        return i;
      }
    }
    return -1;
  }

  /** The words of four letters or more: enough to tell which heading a pointer names. */
  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    for (String word : text.split("[^\\p{L}\\p{N}]+")) {
      if (word.length() >= 4) {
        out.add(word);
      }
    }
    return out;
  }

  /** Whether {@code query} asks for sections of {@code role} by name ("what are the red flags"). */
  private static boolean namesRole(String query, SectionRole role) {
    return NAMED_ROLES.stream()
        .anyMatch(named -> named.role() == role && named.words().matcher(query).find());
  }

  private static boolean wantsRemedy(QuestionKind kind) {
    return kind == QuestionKind.HOW || kind == QuestionKind.SITUATION;
  }

  /**
   * A who question prefers the section about owners; a question that asks for a checklist prefers a
   * checklist.
   */
  private static double headingBonus(QuestionKind kind, String query, Section section) {
    String heading = section.heading().toLowerCase(java.util.Locale.ROOT);
    if (kind == QuestionKind.WHO && OWNERSHIP.matcher(heading).find()) {
      return 0.04;
    }
    if (kind != QuestionKind.WHO
        && !ASKS_ABOUT_PEOPLE.matcher(query).find()
        && AnswerComposer.rolesList(section) > 0) {
      // a split of who does what names every task, so it sounds like any question about them,
      // but it answers only who does them
      return -DIVISION_OF_WORK;
    }
    return namesRole(query, section.role()) ? 0.04 : 0;
  }

  /** A kind of section a question can ask for by name ("what are the warning signs of ..."). */
  private record NamedRole(SectionRole role, java.util.regex.Pattern words) {}

  private static final List<NamedRole> NAMED_ROLES =
      List.of(
          new NamedRole(SectionRole.CHECKLIST, java.util.regex.Pattern.compile("\\bchecklist")),
          new NamedRole(
              SectionRole.WARNING_SIGNS,
              java.util.regex.Pattern.compile("\\b(warning signs?|red flags?|early signs?)\\b")),
          new NamedRole(SectionRole.SYMPTOMS, java.util.regex.Pattern.compile("\\bsymptoms?\\b")),
          new NamedRole(
              SectionRole.PITFALL,
              java.util.regex.Pattern.compile("\\b(pitfalls?|mistakes?|traps?|bad idea)\\b")),
          new NamedRole(
              SectionRole.QUESTIONS,
              java.util.regex.Pattern.compile("\\bquestions (should|to ask|do) ")));

  /** How much a section that splits work between roles loses on a question not about people. */
  private static final double DIVISION_OF_WORK = 0.08;

  private static final java.util.regex.Pattern ASKS_ABOUT_PEOPLE =
      java.util.regex.Pattern.compile(
          "\\b(who|whom|own|owns|owner|owners|ownership|responsib\\w*|accountab\\w*|roles?"
              + "|leads?|staff(ed|ing)?|team|split|divide|effort)\\b");

  private static final java.util.regex.Pattern OWNERSHIP =
      java.util.regex.Pattern.compile("\\b(own|owner|owners|owning|ownership|who does what)\\b");

  static double bonus(QuestionKind kind, SectionRole role) {
    return switch (kind) {
      case HOW, SITUATION ->
          switch (role) {
            case REMEDY -> 0.04;
            case CHECKLIST -> 0.02;
            case SYMPTOMS, WARNING_SIGNS, QUESTIONS -> -0.04;
            case PITFALL, EXPLANATION -> -0.02;
            default -> 0;
          };
      case DIAGNOSE -> role.describesProblem() ? 0.03 : 0;
      case JUDGE -> role == SectionRole.PITFALL ? 0.03 : 0;
      case MEASURE -> role == SectionRole.METRICS ? 0.05 : 0;
      case DEFINITION ->
          switch (role) {
            case DEFINITION -> 0.03;
            case SYMPTOMS, WARNING_SIGNS, QUESTIONS -> -0.03;
            default -> 0;
          };
      case WHY ->
          role == SectionRole.EXPLANATION || role == SectionRole.PITFALL
              ? 0.03
              : role.describesProblem() || role == SectionRole.QUESTIONS ? -0.03 : 0;
      case WHEN, WHO -> role.describesProblem() || role == SectionRole.QUESTIONS ? -0.03 : 0;
      case LIST, COMPARE -> 0;
    };
  }
}
