package org.scalingcoach.teams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.scalingcoach.AuditServices;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.TestCore;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.llm.LlmFeatures;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.SqliteTokenUsageLog;
import org.scalingcoach.store.TeamsStore;
import org.scalingcoach.web.CoachServer;

/**
 * The Teams endpoint on the coach's real Jetty server on a free port, configured from environment
 * variables as in production, wired to a local key server and a fake Connector, with the shared
 * core's answers and a fresh database.
 */
final class TeamsEndpoint implements AutoCloseable {
  final FakeKeyServer keys = FakeKeyServer.start();
  final FakeConnector connector = FakeConnector.start();
  final Database database;
  final TeamsStore store;

  /** The audits behind the endpoint; null unless built with a clock. */
  final AuditServices audits;

  private final CoachServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  TeamsEndpoint(String allowedTenant) {
    this(allowedTenant, Map.of(), null);
  }

  /**
   * The endpoint with more settings (such as {@code COACH_MANAGERS}) and, when {@code clock} is
   * given, audits on that clock wired as {@code CoachServer} does, so tests can make reminders due.
   */
  TeamsEndpoint(Map<String, String> moreEnv, Clock clock) {
    this(null, moreEnv, clock);
  }

  private TeamsEndpoint(String allowedTenant, Map<String, String> moreEnv, Clock clock) {
    AuditServices wired = null;
    try {
      Path dir = org.scalingcoach.TestCore.tempDir("teams-endpoint-");
      database = Database.open(dir.resolve("coach.db"));
      store = new TeamsStore(database);
      Map<String, String> env = new HashMap<>();
      env.put("COACH_DATA_DIR", dir.toString());
      env.put("PORT", "0");
      env.put("TEAMS_APP_ID", FakeKeyServer.APP_ID);
      env.put("TEAMS_APP_PASSWORD", "app-password");
      env.put("TEAMS_OPENID_METADATA_URL", keys.metadataUrl().toString());
      env.put("TEAMS_TOKEN_URL", connector.tokenUrl().toString());
      if (allowedTenant != null) {
        env.put("TEAMS_TENANT_ID", allowedTenant);
      }
      env.putAll(moreEnv);
      CoachCore shared = TestCore.shared();
      CoachConfig config = CoachConfig.fromEnvironment(env);
      LlmFeatures llm =
          config.llm().enabled()
              ? LlmFeatures.create(config.llm(), new SqliteTokenUsageLog(database))
              : shared.llm();
      CoachCore core = new CoachCore(shared::snapshot, llm);
      if (clock == null) {
        server = CoachServer.start(config, core, database);
      } else {
        wired = CoachWiring.audits(config, core, database, clock);
        TeamsMessagesServlet teams =
            TeamsMessagesServlet.create(
                config.teamsSettings().orElseThrow(),
                core,
                database,
                wired,
                CoachWiring.admin(core, database, wired));
        server = CoachServer.start(0, core, database, null, teams);
      }
    } catch (Exception e) {
      close();
      throw new IllegalStateException("cannot start the Teams endpoint", e);
    }
    audits = wired;
  }

  TeamsEndpoint() {
    this(null);
  }

  /** Posts an activity as the Bot Framework would, with the given Authorization (or none). */
  HttpResponse<String> post(String activity, String authorization) {
    int port = server.port();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(activity));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Posts an activity with a valid Bot Framework token. */
  HttpResponse<String> post(String activity) {
    return post(activity, keys.bearerFor(connector.serviceUrl()));
  }

  String activity(String fixture) {
    return TeamsTraffic.activity(fixture, connector.serviceUrl());
  }

  @Override
  public void close() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      keys.close();
      connector.close();
    }
  }
}
