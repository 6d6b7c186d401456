package org.scalingcoach.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamsSettingsTest {

  @Test
  void should_leave_teams_off_when_nothing_is_set() {
    assertThat(CoachConfig.fromEnvironment(Map.of()).teamsSettings()).isEmpty();
  }

  @Test
  void should_use_the_bot_framework_endpoints_by_default() {
    TeamsSettings teams =
        CoachConfig.fromEnvironment(Map.of("TEAMS_APP_ID", "app", "TEAMS_APP_PASSWORD", "pw"))
            .teamsSettings()
            .orElseThrow();

    assertThat(teams.openIdMetadataUrl())
        .hasToString("https://login.botframework.com/v1/.well-known/openidconfiguration");
    assertThat(teams.tokenUrl())
        .hasToString("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token");
    assertThat(teams.emulatorMode()).isFalse();
    assertThat(teams.tenantId()).isNull();
  }

  @Test
  void should_get_tokens_from_the_tenant_of_a_single_tenant_bot() {
    TeamsSettings teams =
        CoachConfig.fromEnvironment(
                Map.of(
                    "TEAMS_APP_ID", "app",
                    "TEAMS_APP_PASSWORD", "pw",
                    "TEAMS_TENANT_ID", "72f988bf-86f1-41af-91ab-2d7cd011db47"))
            .teamsSettings()
            .orElseThrow();

    assertThat(teams.tokenUrl())
        .hasToString(
            "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token");
  }

  @Test
  void should_report_every_teams_problem_together() {
    assertThatThrownBy(
            () ->
                CoachConfig.fromEnvironment(
                    Map.of(
                        "TEAMS_APP_ID", "app",
                        "TEAMS_EMULATOR_MODE", "maybe",
                        "TEAMS_TOKEN_URL", "ftp://nowhere")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TEAMS_APP_PASSWORD")
        .hasMessageContaining("TEAMS_EMULATOR_MODE")
        .hasMessageContaining("TEAMS_TOKEN_URL");
  }

  @Test
  void should_never_show_the_password() {
    TeamsSettings teams =
        CoachConfig.fromEnvironment(
                Map.of("TEAMS_APP_ID", "app", "TEAMS_APP_PASSWORD", "very-secret-value"))
            .teamsSettings()
            .orElseThrow();

    assertThat(teams.toString()).doesNotContain("very-secret-value");
  }

  @Test
  void should_enable_the_emulator_without_credentials() {
    TeamsSettings teams =
        CoachConfig.fromEnvironment(Map.of("TEAMS_EMULATOR_MODE", "true"))
            .teamsSettings()
            .orElseThrow();

    assertThat(teams.emulatorMode()).isTrue();
    assertThat(teams.hasCredentials()).isFalse();
  }

  @Test
  void should_read_graph_with_the_tenant_of_each_conversation_when_graph_reading_is_on() {
    TeamsSettings teams =
        CoachConfig.fromEnvironment(
                Map.of(
                    "TEAMS_APP_ID", "app", "TEAMS_APP_PASSWORD", "pw", "TEAMS_GRAPH_READ", "true"))
            .teamsSettings()
            .orElseThrow();

    TeamsGraphSettings graph = teams.graphReading().orElseThrow();
    assertThat(graph.graphUrl()).hasToString("https://graph.microsoft.com/v1.0");
    assertThat(graph.tokenUrl("72f988bf-86f1-41af-91ab-2d7cd011db47"))
        .hasToString(
            "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token");
  }

  @Test
  void should_leave_graph_reading_off_by_default() {
    assertThat(
            CoachConfig.fromEnvironment(Map.of("TEAMS_APP_ID", "app", "TEAMS_APP_PASSWORD", "pw"))
                .teamsSettings()
                .orElseThrow()
                .graphReading())
        .isEmpty();
  }

  @Test
  void should_report_every_graph_reading_problem_together() {
    assertThatThrownBy(
            () ->
                CoachConfig.fromEnvironment(
                    Map.of(
                        "TEAMS_EMULATOR_MODE", "true",
                        "TEAMS_GRAPH_READ", "true",
                        "TEAMS_GRAPH_URL", "graph.example.com",
                        "TEAMS_GRAPH_TOKEN_URL", "ftp://{tenant}/token")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "TEAMS_GRAPH_READ needs the bot's TEAMS_APP_ID and TEAMS_APP_PASSWORD")
        .hasMessageContaining("TEAMS_GRAPH_URL must be an http(s) URL")
        .hasMessageContaining("TEAMS_GRAPH_TOKEN_URL must be an http(s) URL");
    assertThatThrownBy(
            () ->
                CoachConfig.fromEnvironment(
                    Map.of(
                        "TEAMS_APP_ID", "app",
                        "TEAMS_APP_PASSWORD", "pw",
                        "TEAMS_GRAPH_READ", "yes",
                        "TEAMS_GRAPH_URL", "https://graph.example.com/v1.0")))
        .hasMessageContaining("TEAMS_GRAPH_READ must be true or false, not 'yes'")
        .hasMessageContaining("TEAMS_GRAPH_URL is set but TEAMS_GRAPH_READ is not true");
  }
}
