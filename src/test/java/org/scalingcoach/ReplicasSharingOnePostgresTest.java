package org.scalingcoach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.console.ConsoleSession;
import org.scalingcoach.console.ConsoleSignIn;
import org.scalingcoach.console.SignInLink;
import org.scalingcoach.retrieval.HashingEmbedder;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.SqliteConsoleStore;
import org.scalingcoach.store.TestDatabases;
import org.scalingcoach.web.CoachServer;

/** Two replicas in this JVM on one PostgreSQL database: what they share besides deliveries. */
class ReplicasSharingOnePostgresTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String REMINDERS = "audit reminders and nudges";

  private static CoachConfig config(String database, String replica) {
    return CoachConfig.fromEnvironment(
        Map.of(
            "COACH_DATA_DIR", TestCore.tempDir("replica-").toString(),
            "COACH_KNOWLEDGE_DIR", "knowledge",
            "COACH_RELOAD_WATCH", "false",
            "PORT", "0",
            "COACH_DATABASE_URL", TestDatabases.url(database),
            "COACH_DATABASE_USER", "postgres",
            "COACH_DATABASE_PASSWORD", "postgres",
            "COACH_REPLICA_ID", replica,
            "COACH_REPLICA_LEASE_SECONDS", "3"));
  }

  @Test
  void a_reload_on_one_replica_reaches_the_other_and_a_console_session_is_valid_on_both() {
    String database = TestDatabases.newPostgresDatabase();
    CoachConfig configA = config(database, "replica-a");
    CoachConfig configB = config(database, "replica-b");
    Database onDatabaseA = CoachWiring.database(configA);
    Database onDatabaseB = CoachWiring.database(configB);
    CoachCore a = CoachWiring.core(configA, onDatabaseA, new HashingEmbedder());
    CoachCore b = CoachWiring.core(configB, onDatabaseB, new HashingEmbedder());
    try (var followsReloads = CoachWiring.followReloads(b, onDatabaseB)) {
      CoachSnapshot before = b.snapshot();

      CoachWiring.reloadEverywhere(a, onDatabaseA);

      await().atMost(Duration.ofSeconds(20)).until(() -> b.snapshot() != before);
    }

    Set<Actor> admins = new HashSet<>(Set.of(new Actor("T1", "UADMIN")));
    ConsoleSignIn onA = signIn(onDatabaseA, admins);
    ConsoleSignIn onB = signIn(onDatabaseB, admins);
    SignInLink link = onA.link(new Actor("T1", "UADMIN"), "slack");
    ConsoleSession session = onB.signIn(link.url().getQuery().substring("token=".length()));
    assertThat(onA.access(session.token())).isInstanceOf(ConsoleSignIn.Access.Admin.class);
    onA.signOut(session.token());
    assertThat(onB.access(session.token())).isInstanceOf(ConsoleSignIn.Access.SignedOut.class);
    onDatabaseA.close();
    onDatabaseB.close();
  }

  @Test
  void healthz_names_the_database_and_replica_and_a_replica_cut_off_from_it_is_unhealthy_and_idle()
      throws Exception {
    String database = TestDatabases.newPostgresDatabase();
    CoachConfig config = config(database, "replica-h");
    Database onDatabase = CoachWiring.database(config);
    CoachCore core = CoachWiring.core(config, onDatabase, new HashingEmbedder());
    try (CoachServer server = CoachServer.start(config, core, onDatabase)) {
      JsonNode healthy = health(server);
      assertThat(healthy.path("status").asText()).isEqualTo("ok");
      assertThat(healthy.path("database_kind").asText()).isEqualTo("postgresql");
      assertThat(healthy.path("replica").asText()).isEqualTo("replica-h");
      await().atMost(Duration.ofSeconds(10)).until(() -> onDatabase.leases().holds(REMINDERS));

      admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
      admin(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
              + database
              + "'");

      JsonNode cutOff = health(server);
      assertThat(cutOff.path("status").asText()).isEqualTo("unhealthy");
      assertThat(cutOff.path("database").asText()).isEqualTo("unreachable");
      await().atMost(Duration.ofSeconds(20)).until(() -> !onDatabase.leases().holds(REMINDERS));

      admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> "ok".equals(health(server).path("status").asText()));
      await().atMost(Duration.ofSeconds(20)).until(() -> onDatabase.leases().holds(REMINDERS));
    } finally {
      onDatabase.close();
    }
  }

  private static ConsoleSignIn signIn(Database database, Set<Actor> admins) {
    return new ConsoleSignIn(
        new SqliteConsoleStore(database),
        admins::contains,
        () -> URI.create("https://coach.example.com/"),
        java.time.Clock.systemUTC());
  }

  private static JsonNode health(CoachServer server) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private static void admin(String sql) throws Exception {
    try (Connection connection = TestDatabases.server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
