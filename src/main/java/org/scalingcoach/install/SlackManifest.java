package org.scalingcoach.install;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalingcoach.slack.SlackScopes;
import org.scalingcoach.slack.SlashCommands;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Slack app manifest an admin pastes at api.slack.com: scopes, events, {@code /coach},
 * interactivity, App Home and the assistant view, with request URLs for HTTP or none for Socket
 * Mode.
 */
public final class SlackManifest {

  private SlackManifest() {}

  /** The manifest for HTTP, with every request URL under {@code baseUrl} (https://host). */
  public static String forHttp(String baseUrl) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return yaml(base + "/slack/events");
  }

  /** The manifest for Socket Mode: no request URLs. */
  public static String forSocketMode() {
    return yaml(null);
  }

  private static String yaml(String requestUrl) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put(
        "display_information",
        map(
            "name", "Scaling Coach",
            "description", "Answers questions about scaling AI in your company, with sources.",
            "background_color", "#1d3557",
            "long_description",
                "Scaling Coach helps teams scale AI without the four classic errors: weak data"
                    + " governance, no continuous retraining, poor change management and"
                    + " underestimated infrastructure cost. Ask it in a direct message, by"
                    + " mentioning it in a channel, with /coach, or in the assistant panel; it"
                    + " answers in a thread from a curated knowledge base and shows its sources."));
    Map<String, Object> command = new LinkedHashMap<>();
    command.put("command", SlashCommands.COMMAND);
    if (requestUrl != null) {
      command.put("url", requestUrl);
    }
    command.put("description", "Ask the Scaling Coach a question");
    command.put("usage_hint", "[your question] or help");
    command.put("should_escape", false);
    manifest.put(
        "features",
        map(
            "app_home",
                map(
                    "home_tab_enabled", true,
                    "messages_tab_enabled", true,
                    "messages_tab_read_only_enabled", false),
            "bot_user", map("display_name", "Scaling Coach", "always_online", true),
            "slash_commands", List.of(command),
            "assistant_view",
                map(
                    "assistant_description",
                    "Ask me how to scale AI in your company: data governance, MLOps, adoption and"
                        + " cost.")));
    manifest.put("oauth_config", map("scopes", map("bot", SlackScopes.botScopes())));
    Map<String, Object> events = new LinkedHashMap<>();
    if (requestUrl != null) {
      events.put("request_url", requestUrl);
    }
    events.put("bot_events", SlackScopes.botEvents());
    Map<String, Object> interactivity = new LinkedHashMap<>();
    interactivity.put("is_enabled", true);
    if (requestUrl != null) {
      interactivity.put("request_url", requestUrl);
    }
    manifest.put(
        "settings",
        map(
            "event_subscriptions",
            events,
            "interactivity",
            interactivity,
            "org_deploy_enabled",
            false,
            "socket_mode_enabled",
            requestUrl == null,
            "token_rotation_enabled",
            false));
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(100);
    return new Yaml(options).dump(manifest);
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
