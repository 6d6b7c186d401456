package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.conversation.ChildCoach;
import org.scalingcoach.conversation.KillAndRedeliver;
import org.scalingcoach.store.Database;

class TeamsInboxCrashTest {
  private static final int MESSAGES = 300;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * The fake Connector holds each answer back this long after taking the activity (a slow round
   * trip), so the kill finds replies in the chat whose ids the coach never heard.
   */
  private static final Duration ROUND_TRIP = Duration.ofMillis(150);

  /** Each of the 8 senders waits this long before a first delivery. */
  private static final Duration PACE = Duration.ofMillis(200);

  @Test
  void every_message_is_answered_across_a_kill_9_and_only_uncertain_replies_may_repeat()
      throws Exception {
    Path dir = TestCore.tempDir("teams-crash-");
    try (FakeKeyServer keys = FakeKeyServer.start();
        FakeConnector connector = FakeConnector.start(ROUND_TRIP)) {
      Result result = killAndRestart(dir, keys, connector, Map.of(), "teams kill -9");
      assertThat(result.lost()).isZero();
      // Without Graph the Bot Connector cannot be asked what a bot already posted, so a reply on
      // its way when the process died (sent, its id not yet stored) is sent again rather than risk
      // a loss. Nothing else may repeat: not a reply whose id was stored, nor one not started.
      assertThat(result.uncertain()).containsAll(result.duplicated());
      assertThat(result.answers().values()).allMatch(n -> n <= 2);
    }
  }

  @Test
  void with_graph_reading_every_message_is_answered_exactly_once_across_a_kill_9()
      throws Exception {
    Path dir = TestCore.tempDir("teams-crash-graph-");
    try (FakeKeyServer keys = FakeKeyServer.start();
        FakeConnector connector = FakeConnector.start(ROUND_TRIP);
        FakeGraph graph = FakeGraph.start(connector, FakeKeyServer.APP_ID)) {
      Result result =
          killAndRestart(
              dir,
              keys,
              connector,
              Map.of(
                  "TEAMS_GRAPH_READ", "true",
                  "TEAMS_GRAPH_URL", graph.graphUrl(),
                  "TEAMS_GRAPH_TOKEN_URL", graph.tokenUrl()),
              "teams kill -9 with Graph");
      assertThat(result.lost()).isZero();
      // The replies a crash left unrecorded are found in the chat through Graph, not sent again.
      assertThat(result.duplicated()).isEmpty();
      assertThat(graph.tokenRequests()).isNotEmpty();
      assertThat(graph.requests())
          .allSatisfy(r -> assertThat(r.path()).startsWith("/v1.0/chats/19:"));
    }
  }

  /** What one run left: the answers per activity, the lost and repeated ones, the uncertain. */
  private record Result(
      Map<String, Long> answers, long lost, Set<String> duplicated, Set<String> uncertain) {}

  private Result killAndRestart(
      Path dir,
      FakeKeyServer keys,
      FakeConnector connector,
      Map<String, String> moreEnv,
      String label)
      throws Exception {
    Map<String, String> env = new HashMap<>(moreEnv);
    env.put("COACH_DATA_DIR", dir.toString());
    env.put("COACH_KNOWLEDGE_DIR", "knowledge");
    env.put("COACH_RELOAD_WATCH", "false");
    env.put("PORT", "0");
    env.put("TEAMS_APP_ID", FakeKeyServer.APP_ID);
    env.put("TEAMS_APP_PASSWORD", "app-password");
    env.put("TEAMS_OPENID_METADATA_URL", keys.metadataUrl().toString());
    env.put("TEAMS_TOKEN_URL", connector.tokenUrl().toString());
    List<String> ids =
        IntStream.range(0, MESSAGES).mapToObj(i -> "1740900000" + (1000 + i)).toList();
    List<String> activities =
        ids.stream()
            .map(id -> TeamsTraffic.activity("personal-message", connector.serviceUrl(), id))
            .toList();
    String bearer = keys.bearerFor(connector.serviceUrl());
    Set<String> uncertain = new HashSet<>();
    // Which activities had a reply in the chat while the coach was down.
    Set<String> answeredWhileDown = new HashSet<>();

    KillAndRedeliver.Outcome outcome =
        KillAndRedeliver.run(
            MESSAGES,
            () -> ChildCoach.start(env, dir.resolve("child.log")),
            (port, i, retry) ->
                paced(retry)
                    .send(
                        HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/messages"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header("Authorization", bearer)
                            .POST(HttpRequest.BodyPublishers.ofString(activities.get(i)))
                            .build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode(),
            () -> {
              uncertain.addAll(sendsInFlight(dir));
              answeredWhileDown.addAll(answersPerActivity(connector).keySet());
            });

    try (ChildCoach restarted = outcome.restarted()) {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> answersPerActivity(connector).keySet().containsAll(ids));
      // Whatever was resumed has had its turn: no later duplicate can still be on its way.
      await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
      Map<String, Long> answers = answersPerActivity(connector);
      long lost = ids.stream().filter(id -> !answers.containsKey(id)).count();
      Set<String> duplicated =
          answers.entrySet().stream()
              .filter(e -> e.getValue() > 1)
              .map(Map.Entry::getKey)
              .collect(Collectors.toSet());
      Map<String, Instant> firstCopy = firstReplies(connector);
      long onTheWire =
          duplicated.stream().filter(id -> !firstCopy.get(id).isBefore(outcome.killedAt())).count();
      long longestUnrecorded =
          duplicated.stream()
              .map(id -> Duration.between(firstCopy.get(id), outcome.killedAt()))
              .filter(gap -> !gap.isNegative())
              .mapToLong(Duration::toMillis)
              .max()
              .orElse(0);
      System.out.printf(
          "%s: %d of %d activities acknowledged before the kill, %d redelivered,"
              + " %d replies sent with no id stored at the kill (%d of them in the chat);"
              + " lost %d, duplicated %d"
              + " (%d taken by the Connector after the SIGKILL, %d before it, up to %d ms)%n",
          label,
          outcome.ackedBeforeKill(),
          MESSAGES,
          outcome.redelivered(),
          uncertain.size(),
          uncertain.stream().filter(answeredWhileDown::contains).count(),
          lost,
          duplicated.size(),
          onTheWire,
          duplicated.size() - onTheWire,
          longestUnrecorded);
      assertThat(outcome.ackedBeforeKill()).isBetween(MESSAGES / 2, MESSAGES - 1);
      return new Result(answers, lost, duplicated, uncertain);
    }
  }

  /**
   * The HTTP client, after a pause before each first delivery: the Bot Framework's activities
   * arrive spread out (about 40 a second here), so replies are going out when the kill comes.
   */
  private static HttpClient paced(boolean retry) throws InterruptedException {
    if (!retry) {
      Thread.sleep(PACE.toMillis());
    }
    return HTTP;
  }

  /** When the Connector took the first reply to each activity, by the activity's id. */
  private static Map<String, Instant> firstReplies(FakeConnector connector) {
    return replies(connector)
        .collect(
            Collectors.toMap(
                TeamsInboxCrashTest::repliedTo,
                FakeConnector.Call::receivedAt,
                (a, b) -> a.isBefore(b) ? a : b));
  }

  /**
   * The activities whose reply had started going out, with no reply id stored: the uncertain ones.
   */
  private static Set<String> sendsInFlight(Path dir) {
    try (Database database = Database.open(dir.resolve("coach.db"))) {
      return database.withConnection(
          connection -> {
            Set<String> activities = new HashSet<>();
            try (var rs =
                connection
                    .createStatement()
                    .executeQuery(
                        "SELECT delivery_key FROM delivery WHERE state = 'SENDING'"
                            + " AND reply_ref IS NULL")) {
              while (rs.next()) {
                String key = rs.getString(1);
                activities.add(key.substring(key.lastIndexOf(':') + 1));
              }
            }
            return activities;
          });
    }
  }

  /** How many messages the bot sent in reply to each activity, by the activity's id. */
  private static Map<String, Long> answersPerActivity(FakeConnector connector) {
    return replies(connector)
        .collect(Collectors.groupingBy(TeamsInboxCrashTest::repliedTo, Collectors.counting()));
  }

  private static Stream<FakeConnector.Call> replies(FakeConnector connector) {
    return connector.delivered().stream()
        .filter(call -> call.method().equals("POST"))
        .filter(call -> "message".equals(call.body().path("type").asText()))
        .filter(call -> repliedTo(call).startsWith("1740900000"));
  }

  private static String repliedTo(FakeConnector.Call call) {
    return call.path().substring(call.path().lastIndexOf('/') + 1);
  }
}
