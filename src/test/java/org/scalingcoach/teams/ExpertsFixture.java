package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.scalingcoach.AuditServices;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachSnapshot;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.TestCore;
import org.scalingcoach.audit.MutableClock;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.delivery.DeliveryWorkers;
import org.scalingcoach.expert.ExpertDirectoryParser;
import org.scalingcoach.expert.ExpertRelay;
import org.scalingcoach.slack.FakeSlack;
import org.scalingcoach.slack.SlackBot;
import org.scalingcoach.slack.SlackRequests;
import org.scalingcoach.store.Database;
import org.scalingcoach.web.CoachServer;

/**
 * The real server with Slack and Teams both connected to local fakes, the shared core's answers, an
 * experts.yaml with a Slack topic, a Teams topic and a Slack default, and a clock tests move.
 */
final class ExpertsFixture implements AutoCloseable {
  static final String EXPERTS =
      """
      response_hours: 4
      expire_after_days: 3
      default:
        slack_channel: C0DEFAULT
      topics:
        model-retraining:
          slack_channel: C0MLOPS
        data-governance:
          teams:
            team: "19:team-data@thread.tacv2"
            channel: "19:gov-experts@thread.tacv2"
      """;
  static final String ADMIN = "UADMIN1";

  /** The Entra id of the person who writes in the personal-message fixture. */
  static final String TEAMS_EMPLOYEE = "d6a2f3c1-8b4e-4a7d-9c1f-2e5b7a9d0c34";

  private static final ObjectMapper JSON = new ObjectMapper();

  final FakeSlack slackApi = FakeSlack.start();
  final FakeKeyServer keys = FakeKeyServer.start();
  final FakeConnector connector = FakeConnector.start();
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  final Path knowledgeDir;
  final ExpertRelay experts;
  final SlackRequests slack;
  private final Database database;
  private final DeliveryWorkers deliveries;
  private final CoachServer server;
  private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

  ExpertsFixture() throws Exception {
    Path dir = org.scalingcoach.TestCore.tempDir("experts-");
    knowledgeDir = Files.createDirectories(dir.resolve("knowledge"));
    // The configuration wants a knowledge folder with documents; answers come from the shared core.
    Files.copy(
        Path.of("knowledge/model-drift-and-retraining.md"),
        knowledgeDir.resolve("model-drift-and-retraining.md"));
    database = Database.open(dir.resolve("coach.db"));
    CoachCore shared = TestCore.shared();
    ExpertDirectoryParser.Parsed parsed =
        ExpertDirectoryParser.parse(knowledgeDir.resolve("experts.yaml"), EXPERTS);
    CoachCore core =
        new CoachCore(
            () -> {
              CoachSnapshot s = shared.snapshot();
              return new CoachSnapshot(
                  s.knowledge(), s.retriever(), s.answers(), s.catalog(), parsed);
            },
            shared.llm());
    CoachConfig config =
        CoachConfig.fromEnvironment(
            Map.ofEntries(
                Map.entry("COACH_DATA_DIR", dir.toString()),
                Map.entry("COACH_KNOWLEDGE_DIR", knowledgeDir.toString()),
                Map.entry("PORT", "0"),
                Map.entry("COACH_ADMINS", ADMIN),
                Map.entry("SLACK_BOT_TOKEN", "xoxb-1-test-token"),
                Map.entry("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET),
                Map.entry("SLACK_API_URL", slackApi.apiUrl()),
                Map.entry("TEAMS_APP_ID", FakeKeyServer.APP_ID),
                Map.entry("TEAMS_APP_PASSWORD", "app-password"),
                Map.entry("TEAMS_OPENID_METADATA_URL", keys.metadataUrl().toString()),
                Map.entry("TEAMS_TOKEN_URL", connector.tokenUrl().toString())));
    AuditServices audits = CoachWiring.audits(config, core, database, clock);
    var admin = CoachWiring.admin(core, database, audits);
    experts = CoachWiring.experts(config, core, database, audits, clock);
    deliveries = CoachWiring.deliveries(config, database);
    SlackBot bot =
        SlackBot.create(
            config.slack(), core, database, d -> {}, audits, admin, deliveries, experts);
    TeamsMessagesServlet teams =
        TeamsMessagesServlet.create(
            config.teamsSettings().orElseThrow(),
            core,
            database,
            audits,
            admin,
            deliveries,
            experts);
    deliveries.resume();
    server = CoachServer.start(0, core, database, bot, teams);
    slack = new SlackRequests(server.port());
  }

  /** Posts a Teams activity with a valid Bot Framework token. */
  HttpResponse<String> teams(String activity) {
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Authorization", keys.bearerFor(connector.serviceUrl()))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(activity))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A personal-chat message from the fixture's Teams user. */
  String teamsMessage(String text) {
    ObjectNode activity = read("personal-message");
    activity.put("text", text);
    return activity.toString();
  }

  /**
   * An {@code Action.Execute} click with {@code data}, in the personal chat, or in the thread of
   * {@code channel}'s message when a channel is given, by the user with Entra id {@code user}.
   */
  String teamsExecute(ObjectNode data, String channel, String user) {
    ObjectNode activity = read("feedback-execute");
    ObjectNode action = (ObjectNode) activity.path("value").path("action");
    action.put("verb", "expert");
    action.set("data", data);
    ((ObjectNode) activity.path("from")).put("aadObjectId", user);
    if (channel != null) {
      ObjectNode conversation = (ObjectNode) activity.path("conversation");
      conversation.put("conversationType", "channel");
      conversation.put("id", channel + ";messageid=1:reply-1");
      ((ObjectNode) activity.path("channelData")).putObject("channel").put("id", channel);
    }
    return activity.toString();
  }

  static ObjectNode data(String action) {
    return JSON.createObjectNode().put("coach", action);
  }

  private ObjectNode read(String fixture) {
    try {
      return (ObjectNode) JSON.readTree(TeamsTraffic.activity(fixture, connector.serviceUrl()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    deliveries.close();
    experts.close();
    database.close();
    slackApi.close();
    keys.close();
    connector.close();
  }
}
