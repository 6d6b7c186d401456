package org.scalingcoach.llm;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.scalingcoach.CoachCore;
import org.scalingcoach.TestCore;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.config.LlmSettings;
import org.scalingcoach.config.LlmSettings.Provider;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.SqliteTokenUsageLog;

/** Builds the LLM features against a local fake server, over the shared test knowledge base. */
final class LlmFixtures {
  private LlmFixtures() {}

  static LlmSettings settings(Provider provider, String baseUrl, Duration timeout, int perHour) {
    return new LlmSettings(
        provider,
        provider == Provider.ANTHROPIC ? "claude-test" : "gpt-test",
        "test-key",
        Optional.of(URI.create(baseUrl)),
        timeout,
        400,
        perHour,
        6,
        Path.of("prompts"));
  }

  static SqliteTokenUsageLog usageLog() {
    return new SqliteTokenUsageLog(
        Database.open(TestCore.tempDir("coach-llm-").resolve("coach.db")));
  }

  static ExtractiveAnswerEngine extractive() {
    CoachCore core = TestCore.shared();
    return new ExtractiveAnswerEngine(core.knowledge(), core.retriever());
  }

  static LlmFeatures features(LlmSettings settings, TokenUsageLog usage) {
    return LlmFeatures.create(settings, usage, Clock.systemUTC());
  }
}
