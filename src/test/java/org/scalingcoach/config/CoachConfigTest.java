package org.scalingcoach.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoachConfigTest {

  @Test
  void should_use_embedded_defaults() {
    CoachConfig config = CoachConfig.defaults();

    assertThat(config.databaseFile()).isEqualTo(Path.of("data", "coach.db"));
    assertThat(config.knowledgeDir()).isEqualTo(Path.of("knowledge"));
    assertThat(config.port()).isEqualTo(8080);
  }

  @Test
  void should_report_a_bad_port_clearly() {
    assertThatThrownBy(() -> CoachConfig.fromEnvironment(Map.of("PORT", "eighty")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PORT must be a whole number, not 'eighty'");
  }
}
