package org.scalingcoach.llm;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
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
 * error or the asker's hourly limit all give the extractive answer.
 */
public final class GroundedAnswerEngine implements AnswerEngine {
  private static final Logger log = LoggerFactory.getLogger(GroundedAnswerEngine.class);
  static final int MAX_SOURCES = 4;
  static final String TIMEOUT_NOTE =
      "_Writing a full answer took too long, so here are the most relevant passages from the"
          + " knowledge base._";
  static final String UNAVAILABLE_NOTE =
      "_The language model is not available right now, so here are the most relevant passages"
          + " from the knowledge base._";
  static final String LIMIT_NOTE =
      "_You've had a lot of written answers this hour, so here are the most relevant passages"
          + " from the knowledge base._";

  private final ExtractiveAnswerEngine extractive;
  private final LlmClient client;
  private final PromptWriter prompts;
  private final RateLimiter limiter;
  private final TokenUsageLog usage;
  private final Clock clock;
  private final Executor bookkeeping;

  GroundedAnswerEngine(
      ExtractiveAnswerEngine extractive,
      LlmClient client,
      PromptWriter prompts,
      RateLimiter limiter,
      TokenUsageLog usage,
      Clock clock,
      Executor bookkeeping) {
    this.extractive = extractive;
    this.client = client;
    this.prompts = prompts;
    this.limiter = limiter;
    this.usage = usage;
    this.clock = clock;
    this.bookkeeping = bookkeeping;
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
    if (!limiter.tryAcquire(question.asker())) {
      return withNote(extractive.answer(question, retrieval), LIMIT_NOTE);
    }
    List<Hit> hits = retrieval.hits().subList(0, Math.min(MAX_SOURCES, retrieval.hits().size()));
    List<Section> sources = hits.stream().map(Hit::section).toList();
    Prompt prompt = prompts.forQuestion(question, sources);
    AtomicReference<String> shown = new AtomicReference<>("");
    LlmClient.Pending pending =
        client.start(
            prompt,
            soFar -> {
              String visible = CitationCheck.partial(soFar, sources.size());
              if (!visible.isEmpty() && !Objects.equals(shown.getAndSet(visible), visible)) {
                partialMarkdown.accept(visible);
              }
            });
    // The extractive answer is the fallback, and gives topic and follow-ups: compose it while the
    // model writes.
    Answer fallback = extractive.answer(question, retrieval);
    Completion completion;
    try {
      completion = pending.await();
    } catch (LlmUnavailableException e) {
      if (e.reason() == LlmUnavailableException.Reason.TIMEOUT) {
        log.warn("written answer timed out, sending the extractive one: {}", e.getMessage());
        return withNote(fallback, TIMEOUT_NOTE);
      }
      if (e.reason() == LlmUnavailableException.Reason.RATE_LIMITED) {
        log.warn(
            "the provider is rate limiting, sending the extractive answer: {}", e.getMessage());
        return withNote(fallback, UNAVAILABLE_NOTE);
      }
      log.warn("written answer failed, sending the extractive one", e);
      return withNote(fallback, UNAVAILABLE_NOTE);
    }
    recordUsage(question, completion);
    CitationCheck.Checked checked = CitationCheck.check(completion.text(), sources.size());
    if (checked.declined()) {
      log.info("the model found no answer in the sources; sending the extractive answer");
      return fallback;
    }
    if (checked.cited().isEmpty()) {
      log.info("the written answer cites no given source; sending the extractive answer");
      return fallback;
    }
    if (CitationCheck.leaks(completion.text(), prompt.system())) {
      log.warn("the written answer repeats the system prompt; sending the extractive answer");
      return fallback;
    }
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

  private void recordUsage(Question question, Completion completion) {
    bookkeeping.execute(() -> record(question, completion));
  }

  private void record(Question question, Completion completion) {
    try {
      usage.record(
          new TokenUsage(
              question.asker().workspace(),
              question.asker().user(),
              client.provider(),
              client.modelName(),
              completion.inputTokens(),
              completion.outputTokens(),
              LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    } catch (RuntimeException e) {
      // The answer is worth more to the asker than the bookkeeping.
      log.error("could not record token usage", e);
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
