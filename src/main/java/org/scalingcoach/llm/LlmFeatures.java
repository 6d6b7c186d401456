package org.scalingcoach.llm;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.config.LlmSettings;

/**
 * The optional language model features built from the settings: written answers, audit summaries
 * and the prompt templates behind them. Without a provider it adds nothing.
 */
public final class LlmFeatures {
  private final LlmSettings settings;
  private final LlmClient client;
  private final AtomicReference<PromptTemplates> templates;
  private final PromptWriter writer;

  /** One limiter for every answer engine built here, so a knowledge reload keeps the counts. */
  private final RateLimiter limiter;

  private LlmFeatures(
      LlmSettings settings, LlmClient client, Clock clock, PromptTemplates templates) {
    this.settings = settings;
    this.client = client;
    this.templates = new AtomicReference<>(templates);
    this.writer = new PromptWriter(this.templates::get, settings.historyTurns());
    this.limiter = new RateLimiter(settings.answersPerUserPerHour(), clock);
  }

  /**
   * Connects to the configured provider and loads the prompt templates.
   *
   * @throws PromptException naming each template file that is unusable
   */
  public static LlmFeatures create(LlmSettings settings, TokenUsageLog usage) {
    return create(settings, usage, Clock.systemUTC());
  }

  static LlmFeatures create(LlmSettings settings, TokenUsageLog usage, Clock clock) {
    if (!settings.enabled()) {
      return new LlmFeatures(settings, null, clock, null);
    }
    PromptTemplates templates = PromptTemplates.load(settings.promptsDir());
    UsageRecorder recorder =
        new UsageRecorder(
            usage, settings.provider().id(), settings.model(), clock, LlmThreads.BOOKKEEPING);
    LlmClient client =
        new LlmClient(
            LlmProviders.create(
                settings,
                DeadlineHttpClient.builder(LlmThreads.STREAMS, LlmThreads.DEADLINES),
                List.of(recorder)),
            settings.provider().id(),
            settings.model(),
            settings.timeout(),
            LlmThreads.CALLS);
    return new LlmFeatures(settings, client, clock, templates);
  }

  /**
   * What answers questions: written answers over {@code extractive}, or it alone without a model.
   */
  public AnswerEngine answers(ExtractiveAnswerEngine extractive) {
    if (client == null) {
      return extractive;
    }
    return new GroundedAnswerEngine(extractive, client, writer, limiter, LlmThreads.PREVIEWS);
  }

  public AuditSummarizer auditSummaries() {
    return client == null ? AuditSummarizer.disabled() : new AuditSummarizer(client, writer);
  }

  /** Whether a language model is configured; without one the prompt templates are not used. */
  public boolean enabled() {
    return client != null;
  }

  /** The active provider and model, e.g. {@code openai:gpt-4o-mini}, or {@code none}. */
  public String active() {
    return settings.describe();
  }

  /**
   * Reloads the prompt templates from their folder; on any problem the templates in use stay and
   * the {@link PromptException} names what is wrong.
   */
  public void reloadPrompts() {
    if (enabled()) {
      templates.set(PromptTemplates.load(settings.promptsDir()));
    }
  }
}
