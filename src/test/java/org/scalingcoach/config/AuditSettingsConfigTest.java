package org.scalingcoach.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditSettingsConfigTest {

  @Test
  void managers_are_read_from_a_comma_separated_list() {
    CoachConfig config = CoachConfig.fromEnvironment(Map.of("COACH_MANAGERS", " U1, U2 ,,U3"));

    assertThat(config.audits().managers()).containsExactlyInAnyOrder("U1", "U2", "U3");
    assertThat(config.audits().reminderCheck()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void bad_manager_ids_and_intervals_are_reported_together() {
    assertThatThrownBy(
            () ->
                CoachConfig.fromEnvironment(
                    Map.of(
                        "COACH_MANAGERS",
                        "U1,not an id",
                        "COACH_REMINDER_CHECK_MINUTES",
                        "0",
                        "PORT",
                        "x")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(3));
  }
}
