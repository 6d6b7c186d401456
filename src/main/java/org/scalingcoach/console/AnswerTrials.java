package org.scalingcoach.console;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.scalingcoach.CoachSnapshot;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.answer.Question;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.retrieval.EmbeddingCache;
import org.scalingcoach.retrieval.HybridRetriever;

/**
 * Asks a question as an employee would, against what the coach knows now or against the knowledge
 * base with a draft swapped in, and reads the evidence behind the answer.
 */
public final class AnswerTrials {
  private final Supplier<CoachSnapshot> current;
  private final KnowledgeEditor editor;
  private final EmbeddingCache cache;
  private final Function<ExtractiveAnswerEngine, AnswerEngine> writer;
  private final EvidenceReader evidence;

  /**
   * @param writer turns the extractive engine into the one the coach answers with (the language
   *     model's, when one is configured)
   */
  public AnswerTrials(
      Supplier<CoachSnapshot> current,
      KnowledgeEditor editor,
      EmbeddingCache cache,
      Function<ExtractiveAnswerEngine, AnswerEngine> writer,
      EvidenceReader evidence) {
    this.current = current;
    this.editor = editor;
    this.cache = cache;
    this.writer = writer;
    this.evidence = evidence;
  }

  /** An answer and its evidence; {@code draft} names the document previewed, or is null. */
  public record Trial(String question, Answer answer, Evidence evidence, String draft) {}

  /** Asks the coach as it is now. */
  public Trial ask(String question) {
    return ask(current.get(), question, null);
  }

  /** Asks the coach as it would be with {@code draft} saved as the document {@code name}. */
  public Trial askWithDraft(String question, String name, String draft) {
    CoachSnapshot now = current.get();
    KnowledgeBase knowledge =
        KnowledgeBase.load(editor.folder(), Map.of(editor.resolve(name), draft));
    HybridRetriever retriever =
        now.retriever().reindex(knowledge.sections(), knowledge.synonyms(), cache);
    CoachSnapshot preview =
        new CoachSnapshot(
            knowledge,
            retriever,
            writer.apply(new ExtractiveAnswerEngine(knowledge, retriever)),
            now.catalog());
    return ask(preview, question, name);
  }

  private Trial ask(CoachSnapshot snapshot, String question, String draft) {
    String text = question == null ? "" : question.strip();
    if (text.isEmpty()) {
      throw new EditRefused("Type a question to try.");
    }
    Answer answer = snapshot.answers().answer(Question.of(text));
    return new Trial(text, answer, evidence.read(snapshot, text, answer), draft);
  }
}
