package org.scalingcoach.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.knowledge.Topic;
import org.scalingcoach.retrieval.Hit;
import org.scalingcoach.retrieval.HybridRetriever;
import org.scalingcoach.retrieval.Retrieval;

/**
 * Answers without a language model: finds the section that answers the question, preferring the
 * kind of section the question asks for, and quotes from it what answers that kind of question.
 */
public final class ExtractiveAnswerEngine implements AnswerEngine {
  private static final int HITS = 10;

  private final KnowledgeBase knowledge;
  private final HybridRetriever retriever;
  private final AnswerComposer composer;

  public ExtractiveAnswerEngine(KnowledgeBase knowledge, HybridRetriever retriever) {
    this.knowledge = knowledge;
    this.retriever = retriever;
    this.composer = new AnswerComposer(retriever, knowledge::section);
  }

  @Override
  public Answer answer(Question question) {
    return answer(question, retrieve(question));
  }

  /** Answers from a retrieval already made for the question by {@link #retrieve(Question)}. */
  public Answer answer(Question question, Retrieval retrieval) {
    Optional<Answer> screened = InputScreen.check(question.text());
    if (screened.isPresent()) {
      return screened.get();
    }
    if (!retrieval.inScope() || retrieval.hits().isEmpty()) {
      return outOfScope(question.text());
    }
    QuestionKind kind = QuestionKind.of(retrieval.query());
    AnswerComposer.Composed composed =
        composer.compose(kind, retrieval, retriever.queryTerms(retrieval.query()));
    return new Answer(
        question.text(),
        true,
        composed.cited().get(0).section().topic(),
        composed.markdown(),
        composed.cited().stream().map(Citation::of).toList(),
        followUps(composed.cited(), retrieval));
  }

  /**
   * Retrieves for the question as the conversation means it. A question that stands alone is
   * retrieved alone, so an out-of-scope question is refused whatever came before; an explicit
   * switch ("ok different thing: ...") drops its marker; only an elliptical follow-up ("and how
   * often?", "who should own that?") is read together with the question before it, and only when
   * all its own words are ones the knowledge base uses.
   */
  public Retrieval retrieve(Question question) {
    if (InputScreen.check(question.text()).isPresent()) {
      return new Retrieval(question.text(), List.of(), false, 0, 0);
    }
    Optional<String> switched = FollowUpReading.switchedTo(question.text());
    if (switched.isPresent()) {
      return retrieveAlone(switched.get());
    }
    Retrieval alone = retrieveAlone(question.text());
    Optional<String> previous = question.previousUserQuestion();
    if (previous.isEmpty()
        || !FollowUpReading.elliptical(question.text())
        || alone.termCoverage() < 1.0) {
      return alone;
    }
    Retrieval together = retrieveAlone(previous.get() + " " + question.text());
    return together.inScope() ? together : alone;
  }

  private Retrieval retrieveAlone(String text) {
    Retrieval retrieval = retriever.retrieve(text, HITS);
    return RolePreference.apply(retrieval, QuestionKind.of(retrieval.query()));
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
}
