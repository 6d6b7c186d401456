package org.scalingcoach.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {
  @TempDir Path dir;

  @Test
  void without_a_database_url_the_coach_keeps_its_sqlite_file() {
    CoachConfig config = CoachConfig.fromEnvironment(Map.of("COACH_DATA_DIR", "state"));

    assertThat(config.database().postgres()).isFalse();
    assertThat(config.databaseFile()).isEqualTo(Path.of("state", "coach.db"));
    assertThat(config.database().lease()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void a_postgresql_url_with_a_password_file_selects_postgresql_and_reads_the_secret()
      throws Exception {
    Path secret = Files.writeString(dir.resolve("db-password"), "s3cret-pw\n");

    DatabaseSettings settings =
        CoachConfig.fromEnvironment(
                Map.of(
                    "COACH_DATABASE_URL", "jdbc:postgresql://db:5432/coach",
                    "COACH_DATABASE_USER", "coach",
                    "COACH_DATABASE_PASSWORD_FILE", secret.toString(),
                    "COACH_REPLICA_ID", "coach-1",
                    "COACH_REPLICA_LEASE_SECONDS", "10"))
            .database();

    assertThat(settings.postgres()).isTrue();
    assertThat(settings.password()).isEqualTo("s3cret-pw");
    assertThat(settings.replicaId()).isEqualTo("coach-1");
    assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.toString()).doesNotContain("s3cret-pw").contains("password=***");
  }

  @Test
  void every_database_setting_problem_is_reported_together_without_the_password() {
    assertThatThrownBy(
            () ->
                CoachConfig.fromEnvironment(
                    Map.of(
                        "COACH_DATABASE_URL", "postgres://db/coach",
                        "COACH_DATABASE_PASSWORD", "s3cret-pw",
                        "COACH_DATABASE_PASSWORD_FILE", dir.resolve("missing").toString(),
                        "COACH_REPLICA_ID", "has spaces",
                        "COACH_REPLICA_LEASE_SECONDS", "1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("COACH_DATABASE_URL must be a PostgreSQL address")
        .hasMessageContaining("not both")
        .hasMessageContaining("COACH_REPLICA_ID must be")
        .hasMessageContaining("COACH_REPLICA_LEASE_SECONDS must be between 3 and 600")
        .message()
        .doesNotContain("s3cret-pw");
  }

  @Test
  void a_user_or_password_without_a_url_is_refused_rather_than_ignored() {
    assertThatThrownBy(() -> CoachConfig.fromEnvironment(Map.of("COACH_DATABASE_USER", "coach")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("need COACH_DATABASE_URL");
  }

  @Test
  void passwords_in_an_address_are_masked_wherever_it_is_shown() {
    assertThat(
            JdbcAddresses.withoutSecrets(
                "jdbc:postgresql://db:5432/coach?user=coach&password=s3cret-pw&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/coach?user=coach&password=***&ssl=true");
    assertThat(JdbcAddresses.withoutSecrets("jdbc:postgresql://coach:s3cret-pw@db/coach"))
        .isEqualTo("jdbc:postgresql://coach:***@db/coach");
  }
}
