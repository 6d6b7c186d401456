package org.scalingcoach.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a question asks for, which decides the sections preferred and how the answer is built. */
public enum QuestionKind {
  /** "What's the difference between X and Y?": both sides. */
  COMPARE("\\b(differences? between|differ|versus|vs\\.?|compared? (to|with))\\b"),
  /** "What are the four ...?", "checklist", "what should the plan contain?": the whole list. */
  LIST(
      "\\bwhat are the (\\d+|two|three|four|five|six|main|key|classic|common|typical)\\b"
          + "|\\b(list|checklist|warning signs|signs|red flags)\\b|\\bwhat (should|goes|must) .*\\b"
          + "(on|into|contain|cover|include|record|have)\\b|\\bwhat (questions|fields|lines)\\b"),
  /**
   * "We plan one webinar for everyone. Is that ok?", "good enough?", "red flag?": a verdict on a
   * plan or practice, which the section that says what goes wrong with it and why gives in prose.
   */
  JUDGE(
      "^(?!.*\\b(how (do|would|can|should) (we|i) (even )?(decide|know|tell|settle)|why)\\b).*("
          + "\\bis (that|this|it) (really |even )?(ok|okay|fine|normal|enough|good enough|wise"
          + "|smart|dumb|a (mistake|bad idea|red flag))\\b"
          + "|\\b(good enough|red flag|should i be worried|or is that \\w+)\\W*$"
          + "|\\bis it (ok|okay|fine|wise|smart) (to|if)\\b|(,|\\bnow) right\\?+$"
          + "|\\bthats? fine right\\b)"),
  /**
   * "Why ...?", "what went wrong?", "how is that even possible?", "what's the argument?": the
   * reasons.
   */
  WHY(
      "^(\\w+[,!.]?\\s+)?why\\b|\\b(what went wrong|how come"
          + "|how (is|was|can) (that|this|it) (even |ever )?(be )?possible"
          + "|argue|the argument|arguments? (for|against)|justify|make (the|a|our) case)\\b"),
  /** "Is that drift?", "how would I know ...?": the symptoms. */
  DIAGNOSE(
      "\\bis (that|this|it) (a |an |really )?(\\w+ )?\\w+\\s*(\\?|$|,|\\.)"
          + "|\\b(does (that|this) mean|how (do|would|can|will) (we|i)"
          + " (know|tell|notice|spot)|is that a problem|good idea|what('?s| is) (going on|wrong"
          + "|happening)|what (does|do) (that|this|these|those|it) (tell|say|mean))\\b"),
  /** "How do we measure ...?", "which KPIs?": the metrics. */
  MEASURE("\\b(measure|measuring|metrics?|kpis?|numbers should|report on)\\b"),
  /** "Who should own ...?": the ownership statement. */
  WHO("^(\\w+[,!.]?\\s+)?who\\b|\\bwho (should|owns|is|does|maintains|pays|leads)\\b"),
  /** "When / how often ...?": the triggers or timing. */
  WHEN("^(\\w+[,!.]?\\s+)?(when|how often|how frequently)\\b"),
  /** "What is X?", "explain X": the definition. */
  DEFINITION(
      "^(can (someone|you) )?(explain|define|what('?s| is| are| does))\\b(?!.*\\b(we|i|our)\\b)"),
  /** "How do we fix / set up / cut ...?": the steps or actions, as a list. */
  HOW(
      "^(\\w+[,!.]?\\s+)?(how|what (do|should|can|could) (we|i)|can we|should we|where do we)\\b"
          + "|\\b(fix|stop|handle|deal with|under control|cut|reduce|avoid|prevent|set up|build"
          + "|start|plan|estimate|budget|decide|convince|get .* on board)\\b"),
  /** A description of a situation with no question word: what to do about it. */
  SITUATION(null);

  private final Pattern pattern;

  QuestionKind(String regex) {
    this.pattern = regex == null ? null : Pattern.compile(regex);
  }

  /** The kind of {@code question}, by the first pattern that matches. */
  public static QuestionKind of(String question) {
    String q = question.toLowerCase(Locale.ROOT).strip();
    for (QuestionKind kind : values()) {
      if (kind.pattern != null && kind.pattern.matcher(q).find()) {
        return kind;
      }
    }
    return SITUATION;
  }

  /** Whether the best answer to this kind is a section's list, quoted whole. */
  boolean wantsList() {
    return this == LIST
        || this == HOW
        || this == MEASURE
        || this == SITUATION
        || this == DIAGNOSE
        || this == WHEN;
  }
}
