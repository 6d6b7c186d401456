package org.scalingcoach.llm;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.answer.Citation;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.answer.Question;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.retrieval.Hit;
import org.scalingcoach.retrieval.Retrieval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with text a language model writes from the retrieved sections only, and falls back to the
 * extractive answer whenever that is not safe: out of scope questions never reach the model; a
 * reply without a valid citation, a reply that declines or repeats its rules, a timeout, a provider
 * error or the asker's hourly limit all give the extractive answer, with a one-line note saying
 * why. Previews pass the same checks as the final answer: only finished sentences with a valid
 * citation are shown, and nothing more once the reply declines or repeats its rules.
 */
public final class GroundedAnswerEngine implements AnswerEngine {
  private static final Logger log = LoggerFactory.getLogger(GroundedAnswerEngine.class);
  static final int MAX_SOURCES = 4;
  private static final String PASSAGES =
      ", so here are the most relevant passages from the knowledge base._";
  static final String TIMEOUT_NOTE = "_Writing a full answer took too long" + PASSAGES;
  static final String UNAVAILABLE_NOTE =
      "_The language model is not available right now" + PASSAGES;
  static final String LIMIT_NOTE = "_You've had a lot of written answers this hour" + PASSAGES;
  static final String DECLINED_NOTE = "_The sources do not answer this directly" + PASSAGES;
  static final String UNCITED_NOTE =
      "_The written answer could not be tied to the sources" + PASSAGES;
  static final String CHECK_NOTE = "_The written answer did not pass our checks" + PASSAGES;

  private final ExtractiveAnswerEngine extractive;
  private final LlmClient client;
  private final PromptWriter prompts;
  private final RateLimiter limiter;
  private final Executor previews;

  GroundedAnswerEngine(
      ExtractiveAnswerEngine extractive,
      LlmClient client,
      PromptWriter prompts,
      RateLimiter limiter,
      Executor previews) {
    this.extractive = extractive;
    this.client = client;
    this.prompts = prompts;
    this.limiter = limiter;
    this.previews = previews;
  }

  @Override
  public Answer answer(Question question) {
    return answerStreaming(question, text -> {});
  }

  @Override
  public Answer answerStreaming(Question question, Consumer<String> partialMarkdown) {
    Retrieval retrieval = extractive.retrieve(question);
    if (!retrieval.inScope() || retrieval.hits().isEmpty()) {
      return extractive.answer(question, retrieval);
    }
    if (!limiter.allows(question.asker())) {
      return withNote(extractive.answer(question, retrieval), LIMIT_NOTE);
    }
    List<Hit> hits = retrieval.hits().subList(0, Math.min(MAX_SOURCES, retrieval.hits().size()));
    List<Section> sources = hits.stream().map(Hit::section).toList();
    Prompt prompt = prompts.forQuestion(question, sources);
    PreviewRelay relay = new PreviewRelay(previews, partialMarkdown);
    LlmClient.Pending pending =
        client.start(prompt, question.asker(), new Preview(prompt, sources.size(), relay));
    // The extractive answer is the fallback, and gives topic and follow-ups: compose it while the
    // model writes.
    Answer fallback = extractive.answer(question, retrieval);
    Completion completion;
    try {
      completion = pending.await();
    } catch (LlmUnavailableException e) {
      relay.close();
      log.warn("written answer not used ({}); sending the extractive one", e.getMessage());
      return withNote(
          fallback,
          e.reason() == LlmUnavailableException.Reason.TIMEOUT ? TIMEOUT_NOTE : UNAVAILABLE_NOTE);
    }
    relay.close();
    CitationCheck.Checked checked = CitationCheck.check(completion.text(), sources.size());
    if (checked.declined()) {
      log.info("the model found no answer in the sources; sending the extractive answer");
      return withNote(fallback, DECLINED_NOTE);
    }
    if (CitationCheck.leaks(completion.text(), prompt.system())) {
      log.warn("the written answer repeats the system prompt; sending the extractive answer");
      return withNote(fallback, CHECK_NOTE);
    }
    if (checked.cited().isEmpty()) {
      log.info("the written answer cites no given source; sending the extractive answer");
      return withNote(fallback, UNCITED_NOTE);
    }
    if (checked.dropped() > 0) {
      log.info(
          "left out {} sentence(s) of the written answer without a valid citation",
          checked.dropped());
    }
    limiter.record(question.asker());
    List<Citation> citations =
        checked.cited().stream().map(n -> Citation.of(hits.get(n - 1))).toList();
    return new Answer(
        question.text(),
        true,
        fallback.topic(),
        checked.markdown(),
        citations,
        fallback.followUps());
  }

  /**
   * Turns the text streamed so far into what may be shown, on the thread reading the stream (it
   * only computes; {@link PreviewRelay} sends).
   */
  private static final class Preview implements Consumer<String> {
    private final Prompt prompt;
    private final int sourceCount;
    private final PreviewRelay relay;
    private String shown = "";
    private boolean stopped;

    Preview(Prompt prompt, int sourceCount, PreviewRelay relay) {
      this.prompt = prompt;
      this.sourceCount = sourceCount;
      this.relay = relay;
    }

    @Override
    public synchronized void accept(String soFar) {
      if (stopped) {
        return;
      }
      CitationCheck.Checked checked = CitationCheck.preview(soFar, sourceCount);
      if (checked.declined() || CitationCheck.leaks(soFar, prompt.system())) {
        stopped = true; // the final answer will fall back, with a note saying why
        return;
      }
      String visible = checked.markdown();
      if (!visible.isEmpty() && !Objects.equals(shown, visible)) {
        shown = visible;
        relay.accept(visible);
      }
    }
  }

  private static Answer withNote(Answer answer, String note) {
    return new Answer(
        answer.question(),
        answer.answered(),
        answer.topic(),
        note + "\n\n" + answer.markdown(),
        answer.citations(),
        answer.followUps());
  }
}
