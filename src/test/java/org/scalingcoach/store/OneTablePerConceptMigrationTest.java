package org.scalingcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.answer.PastTurn;
import org.scalingcoach.delivery.NewDelivery;
import org.sqlite.SQLiteDataSource;

class OneTablePerConceptMigrationTest {
  private static final String ANSWER_JSON =
      "{\"question\":\"how do we retrain\",\"answered\":true,\"topic\":null,"
          + "\"markdown\":\"Retrain on a schedule.\",\"citations\":[],\"followUps\":[]}";

  @Test
  void rows_of_the_per_platform_tables_of_the_current_release_all_reach_the_shared_tables()
      throws Exception {
    Path file = TestCore.tempDir("migration-").resolve("coach.db");
    SQLiteDataSource release = new SQLiteDataSource();
    release.setUrl("jdbc:sqlite:" + file);
    Flyway.configure()
        .dataSource(release)
        .locations("classpath:db/migration", "classpath:db/sqlite")
        .target("7")
        .load()
        .migrate();
    try (Connection c = release.getConnection()) {
      run(
          c,
          "INSERT INTO slack_answer (id, team_id, channel, thread_ts, message_ts, user_id,"
              + " question, answer_json, created_at) VALUES ('a1', 'T1', 'C1', '1700.1', '1700.2',"
              + " 'U1', 'how do we retrain', '"
              + ANSWER_JSON
              + "', "
              + System.currentTimeMillis()
              + ")");
      run(
          c,
          "INSERT INTO slack_feedback (team_id, answer_id, user_id, rating, question, sources)"
              + " VALUES ('T1', 'a1', 'U2', -1, 'how do we retrain', 'doc#part')");
      run(
          c,
          "INSERT INTO teams_turn (tenant_id, conversation_id, speaker, text) VALUES"
              + " ('tn', 'conv', 'USER', 'what is drift'), ('tn', 'conv', 'COACH', 'It is...')");
      run(
          c,
          "INSERT INTO teams_feedback (tenant_id, conversation_id, answer_activity_id, user_id,"
              + " vote, question, topic, top_source) VALUES ('tn', 'conv', 'act1', 'u1', 'up',"
              + " 'what is drift', 'drift', 'drift#signs')");
      run(
          c,
          "INSERT INTO slack_handled_event (team_id, event_key, expires_at) VALUES ('T1',"
              + " 'event:Ev1', "
              + (System.currentTimeMillis() + 3_600_000)
              + ")");
      run(
          c,
          "INSERT INTO teams_activity_seen (tenant_id, conversation_id, activity_id) VALUES"
              + " ('tn', 'conv', '1740')");
      run(
          c,
          "INSERT INTO teams_conversation_ref (tenant_id, user_id, bot_framework_id, user_name,"
              + " service_url, bot_id, conversation_id) VALUES ('tn', 'aad-1', '29:bf', 'Megan',"
              + " 'https://smba/amer/', '28:bot', 'a:personal')");
    }

    try (Database database = Database.open(file)) {
      var answer = new SlackAnswerStore(database, Clock.systemUTC()).find("T1", "a1").orElseThrow();
      assertThat(answer.place()).isEqualTo(new SlackAnswerStore.Place("T1", "C1", "1700.1"));
      assertThat(answer.userId()).isEqualTo("U1");
      assertThat(answer.answer().markdown()).isEqualTo("Retrain on a schedule.");
      assertThat(new SlackFeedbackStore(database).find("T1", "a1", "U2").orElseThrow())
          .isEqualTo(
              new SlackFeedbackStore.Feedback(
                  "T1", "a1", "U2", -1, "how do we retrain", "doc#part"));

      TeamsStore teams = new TeamsStore(database);
      assertThat(teams.recentTurns("tn", "conv"))
          .containsExactly(PastTurn.user("what is drift"), PastTurn.coach("It is..."));
      assertThat(teams.feedback("tn"))
          .containsExactly(
              new TeamsStore.TeamsFeedback(
                  "tn", "conv", "act1", "u1", "up", "what is drift", "drift", "drift#signs"));
      assertThat(new TeamsConversationStore(database).find("tn", "29:bf").orElseThrow())
          .isEqualTo(
              new TeamsConversationStore.ConversationRef(
                  "tn", "aad-1", "29:bf", "Megan", "https://smba/amer/", "28:bot", "a:personal"));

      assertThat(
              new HandledEventStore(database, Clock.systemUTC(), Duration.ofDays(1))
                  .claim("T1", List.of("event:Ev1")))
          .as("a Slack event handled before the upgrade is still known")
          .isFalse();
      assertThat(
              new SqliteInbox(database)
                  .add(new NewDelivery("teams", "tn", "activity:conv:1740", "{}"), Instant.now()))
          .as("a Teams activity seen before the upgrade is still a duplicate")
          .isEmpty();
      assertThat(new Insights(database).votedDown("T1", Instant.EPOCH, 10))
          .singleElement()
          .satisfies(rated -> assertThat(rated.toString()).contains("how do we retrain"));
    }
  }

  private static void run(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}
