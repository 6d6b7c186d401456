package org.scalingcoach.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

  @Test
  void should_leave_slack_off_when_no_token_is_set() {
    CoachConfig config = CoachConfig.fromEnvironment(Map.of());

    assertThat(config.slack().mode()).isEqualTo(SlackSettings.Mode.DISABLED);
    assertThat(config.slack().apiUrl()).hasToString("https://slack.com/api/");
  }

  @Test
  void should_pick_http_or_socket_mode_from_the_tokens_given() {
    var http =
        CoachConfig.fromEnvironment(
            Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s3cret"));
    var socket =
        CoachConfig.fromEnvironment(
            Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"));

    assertThat(http.slack().mode()).isEqualTo(SlackSettings.Mode.HTTP);
    assertThat(socket.slack().mode()).isEqualTo(SlackSettings.Mode.SOCKET);
  }

  @Test
  void should_report_every_slack_problem_together() {
    assertThatThrownBy(
            () ->
                CoachConfig.fromEnvironment(
                    Map.of(
                        "SLACK_SIGNING_SECRET", "s3cret",
                        "SLACK_APP_TOKEN", "xoxb-wrong",
                        "SLACK_API_URL", "ftp://nowhere",
                        "PORT", "nope")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anyMatch(p -> p.startsWith("SLACK_BOT_TOKEN is missing"))
                    .anyMatch(p -> p.startsWith("SLACK_APP_TOKEN must be"))
                    .anyMatch(p -> p.startsWith("SLACK_API_URL must be"))
                    .anyMatch(p -> p.startsWith("PORT")));
  }

  @Test
  void should_never_print_tokens() {
    var settings =
        CoachConfig.fromEnvironment(
                Map.of("SLACK_BOT_TOKEN", "xoxb-very-secret", "SLACK_SIGNING_SECRET", "shh-secret"))
            .slack();

    assertThat(settings.toString()).doesNotContain("very-secret", "shh-secret").contains("HTTP");
  }
}
