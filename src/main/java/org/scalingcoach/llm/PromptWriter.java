package org.scalingcoach.llm;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.scalingcoach.answer.PastTurn;
import org.scalingcoach.answer.Question;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.knowledge.Topic;

/**
 * Fills the prompt templates. Everything that comes from people (questions, earlier turns, the
 * knowledge text, report facts) is inserted as data: angle brackets are escaped so it cannot close
 * or open the delimiters the system prompt tells the model to treat as data.
 */
final class PromptWriter {
  private static final int MAX_TURN_CHARS = 800;
  private static final int MAX_QUESTION_CHARS = 2_000;

  private final Supplier<PromptTemplates> templates;
  private final int historyTurns;

  PromptWriter(Supplier<PromptTemplates> templates, int historyTurns) {
    this.templates = templates;
    this.historyTurns = historyTurns;
  }

  /** The prompt for a question answered from {@code sources}, numbered in their order. */
  Prompt forQuestion(Question question, List<Section> sources) {
    List<PastTurn> window = window(question.history());
    String topics = topics();
    String user;
    if (window.isEmpty()) {
      user =
          template(PromptKind.ANSWER)
              .render(
                  Map.of(
                      "sources", numbered(sources),
                      "question", data(clip(question.text(), MAX_QUESTION_CHARS)),
                      "topics", topics));
    } else {
      user =
          template(PromptKind.FOLLOW_UP)
              .render(
                  Map.of(
                      "sources", numbered(sources),
                      "question", data(clip(question.text(), MAX_QUESTION_CHARS)),
                      "history", conversation(window),
                      "topics", topics));
    }
    return new Prompt(system(), user, sources);
  }

  /** The prompt for a narrative summary of a finished audit's report. */
  Prompt forAuditSummary(ReportFacts facts) {
    String user =
        template(PromptKind.AUDIT_SUMMARY)
            .render(
                Map.of(
                    "audit",
                    data(facts.audit()),
                    "facts",
                    facts.facts().stream()
                        .map(f -> "- " + data(f))
                        .collect(Collectors.joining("\n")),
                    "sources",
                    numbered(facts.sections())));
    return new Prompt(system(), user, facts.sections());
  }

  /** The rules, the same whatever is asked. */
  String system() {
    return template(PromptKind.SYSTEM).render(Map.of("topics", topics()));
  }

  private PromptTemplate template(PromptKind kind) {
    return templates.get().get(kind);
  }

  private List<PastTurn> window(List<PastTurn> history) {
    return history.subList(Math.max(0, history.size() - historyTurns), history.size());
  }

  private static String conversation(List<PastTurn> turns) {
    return turns.stream()
        .map(
            t ->
                (t.speaker() == PastTurn.Speaker.USER ? "User: " : "Coach: ")
                    // an earlier answer's [n] numbers point at other sources than this prompt's
                    + data(clip(CitationCheck.stripMarkers(t.text()), MAX_TURN_CHARS)))
        .collect(Collectors.joining("\n"));
  }

  private static String numbered(List<Section> sources) {
    return IntStream.range(0, sources.size())
        .mapToObj(
            i -> {
              Section s = sources.get(i);
              return "<source number=\""
                  + (i + 1)
                  + "\" title=\""
                  + attribute(s.documentTitle())
                  + "\" section=\""
                  + attribute(s.heading())
                  + "\">\n"
                  + data(s.text().strip())
                  + "\n</source>";
            })
        .collect(Collectors.joining("\n"));
  }

  private static String topics() {
    return java.util.Arrays.stream(Topic.values())
        .map(t -> "- " + t.label())
        .collect(Collectors.joining("\n"));
  }

  /** Text from people, made inert: it cannot open or close a delimiter of the prompt. */
  static String data(String text) {
    return text.replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String attribute(String text) {
    return data(text).replace("\"", "'");
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
