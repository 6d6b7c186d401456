package org.scalingcoach.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalingcoach.cli.CoachCommand;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

class SlackManifestTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new CoachCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> map, String key) {
    return (Map<String, Object>) map.get(key);
  }

  @Test
  void should_point_events_commands_and_interactivity_at_the_server_url() {
    Map<String, Object> manifest =
        new Yaml().load(SlackManifest.forHttp("https://coach.example.com/"));

    Map<String, Object> settings = section(manifest, "settings");
    assertThat(section(settings, "event_subscriptions").get("request_url"))
        .isEqualTo("https://coach.example.com/slack/events");
    assertThat(section(settings, "interactivity").get("request_url"))
        .isEqualTo("https://coach.example.com/slack/events");
    assertThat(settings.get("socket_mode_enabled")).isEqualTo(false);
    Map<String, Object> features = section(manifest, "features");
    List<Map<String, Object>> commands = (List<Map<String, Object>>) features.get("slash_commands");
    assertThat(commands.get(0))
        .containsEntry("command", "/coach")
        .containsEntry("url", "https://coach.example.com/slack/events");
    assertThat(section(features, "app_home").get("home_tab_enabled")).isEqualTo(true);
    assertThat(features).containsKey("assistant_view");
    assertThat((List<String>) section(section(manifest, "oauth_config"), "scopes").get("bot"))
        .contains("app_mentions:read", "chat:write", "commands", "im:history", "assistant:write");
    assertThat((List<String>) section(settings, "event_subscriptions").get("bot_events"))
        .contains("app_mention", "message.im", "app_home_opened", "assistant_thread_started");
  }

  @Test
  void should_leave_out_every_url_for_socket_mode() {
    String yaml = SlackManifest.forSocketMode();

    Map<String, Object> manifest = new Yaml().load(yaml);
    assertThat(yaml).doesNotContain("url:");
    assertThat(section(manifest, "settings").get("socket_mode_enabled")).isEqualTo(true);
  }

  @Test
  void should_print_the_manifest_from_the_command_line_and_refuse_plain_http() {
    int ok = run("slack-manifest", "--url", "https://coach.example.com");
    int refused = run("slack-manifest", "--url", "http://coach.example.com");

    assertThat(ok).isZero();
    assertThat(out.toString()).contains("request_url: https://coach.example.com/slack/events");
    assertThat(refused).isEqualTo(2);
    assertThat(err.toString()).contains("https");
  }

  @Test
  void should_refuse_a_url_with_a_path_or_query_instead_of_doubling_the_path() {
    int withPath = run("slack-manifest", "--url", "https://coach.example.com/slack/events");
    int withQuery = run("slack-manifest", "--url", "https://coach.example.com/?a=1");
    int withSlash = run("slack-manifest", "--url", "https://coach.example.com/");

    assertThat(withPath).isEqualTo(2);
    assertThat(withQuery).isEqualTo(2);
    assertThat(err.toString()).contains("without a path").contains("without a query");
    assertThat(withSlash).isZero();
    assertThat(out.toString())
        .contains("request_url: https://coach.example.com/slack/events")
        .doesNotContain("/slack/events/slack/events");
  }
}
