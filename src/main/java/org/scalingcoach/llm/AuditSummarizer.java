package org.scalingcoach.llm;

import java.util.Optional;
import org.scalingcoach.answer.Asker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a narrative summary of a finished audit's report from its facts and linked sections. Gives
 * nothing when no model is configured or the model fails, so the report is then left as it is.
 */
public final class AuditSummarizer {
  private static final Logger log = LoggerFactory.getLogger(AuditSummarizer.class);

  private final LlmClient client;
  private final PromptWriter prompts;

  AuditSummarizer(LlmClient client, PromptWriter prompts) {
    this.client = client;
    this.prompts = prompts;
  }

  /** A summarizer that never writes anything: the coach without a language model. */
  public static AuditSummarizer disabled() {
    return new AuditSummarizer(null, null);
  }

  /** The summary for a report requested by {@code asker}, or empty when none can be written. */
  public Optional<AuditSummary> summarise(Asker asker, ReportFacts facts) {
    if (client == null) {
      return Optional.empty();
    }
    Prompt prompt = prompts.forAuditSummary(facts);
    Completion completion;
    try {
      completion = client.complete(prompt, asker);
    } catch (LlmUnavailableException e) {
      log.warn("audit summary not written: {}", e.getMessage());
      return Optional.empty();
    }
    CitationCheck.Checked checked = CitationCheck.check(completion.text(), facts.sections().size());
    if (checked.declined()
        || checked.markdown().isBlank()
        || CitationCheck.leaks(completion.text(), prompt.system())) {
      return Optional.empty();
    }
    return Optional.of(
        new AuditSummary(
            checked.markdown(),
            checked.cited().stream().map(n -> facts.sections().get(n - 1)).toList()));
  }
}
