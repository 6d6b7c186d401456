package org.scalingcoach.slack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.scalingcoach.CoachCore;
import org.scalingcoach.TestCore;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.config.LlmSettings;
import org.scalingcoach.config.LlmSettings.Provider;
import org.scalingcoach.llm.FakeLlmServer;
import org.scalingcoach.llm.LlmFeatures;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.SqliteTokenUsageLog;
import org.scalingcoach.web.CoachServer;

/**
 * The real coach server on port 0 wired to a local fake Slack Web API, with a client that signs
 * requests the way Slack does: the shared setup of the Slack end-to-end tests.
 */
final class SlackTestServer implements AutoCloseable {
  private static final AtomicInteger TEAMS = new AtomicInteger();

  private final FakeSlack fake;
  private final CoachConfig config;
  private final CoachCore core;
  private final Database database;
  private CoachServer server;
  private SlackRequests slack;

  private SlackTestServer(FakeSlack fake, CoachConfig config, CoachCore core, Database database)
      throws Exception {
    this.fake = fake;
    this.config = config;
    this.core = core;
    this.database = database;
    listen();
  }

  /**
   * Starts the server over {@code core} and its {@code database}, with extra environment settings
   * such as admins.
   */
  static SlackTestServer start(CoachCore core, Database database, Map<String, String> extraEnv)
      throws Exception {
    FakeSlack fake = FakeSlack.start();
    Map<String, String> env = new HashMap<>();
    env.put("COACH_DATA_DIR", database.file().getParent().toString());
    env.put("COACH_KNOWLEDGE_DIR", "knowledge");
    env.put("PORT", "0");
    env.put("SLACK_BOT_TOKEN", "xoxb-1-test-token");
    env.put("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET);
    env.put("SLACK_API_URL", fake.apiUrl());
    env.putAll(extraEnv);
    try {
      return new SlackTestServer(fake, CoachConfig.fromEnvironment(env), core, database);
    } catch (Exception | Error e) {
      fake.close();
      throw e;
    }
  }

  /** The same over the shared core. */
  static SlackTestServer start() throws Exception {
    return start(TestCore.shared(), TestCore.database(), Map.of());
  }

  /** The same over {@code core}, which keeps its data in the shared test database. */
  static SlackTestServer start(CoachCore core) throws Exception {
    return start(core, TestCore.database(), Map.of());
  }

  /** LLM features talking to a local fake model, logging token usage in the shared database. */
  static LlmFeatures fakeModel(FakeLlmServer model) {
    LlmSettings settings =
        new LlmSettings(
            Provider.OPENAI,
            "gpt-test",
            "test-key",
            Optional.of(URI.create(model.baseUrl())),
            Duration.ofSeconds(20),
            400,
            100,
            6,
            Path.of("prompts"));
    return LlmFeatures.create(settings, new SqliteTokenUsageLog(TestCore.database()));
  }

  /** A workspace id no other test in this JVM uses, so stored rows never mix. */
  static String uniqueTeam(String prefix) {
    return prefix + ProcessHandle.current().pid() + "X" + TEAMS.incrementAndGet();
  }

  private void listen() throws Exception {
    server = CoachServer.start(config, core, database);
    slack = new SlackRequests(server.port());
  }

  /** Stops the server and starts a new one on the same database, as a redeploy would. */
  void restart() throws Exception {
    server.close();
    listen();
  }

  FakeSlack fake() {
    return fake;
  }

  /** Signs and sends requests to the current server; changes after {@link #restart()}. */
  SlackRequests slack() {
    return slack;
  }

  CoachConfig config() {
    return config;
  }

  @Override
  public void close() {
    server.close();
    fake.close();
  }
}
