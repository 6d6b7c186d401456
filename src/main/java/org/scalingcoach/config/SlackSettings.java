package org.scalingcoach.config;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * How the coach connects to Slack: over HTTP (bot token and signing secret), over Socket Mode (bot
 * token and app token), or not at all. Tokens are secrets: {@link #toString()} never prints them.
 *
 * @param botToken {@code SLACK_BOT_TOKEN}, starts with {@code xoxb-}
 * @param signingSecret {@code SLACK_SIGNING_SECRET}, verifies that HTTP requests come from Slack
 * @param appToken {@code SLACK_APP_TOKEN}, starts with {@code xapp-}; when set, Socket Mode is used
 * @param apiUrl {@code SLACK_API_URL}, the base of the Web API, ending with a slash
 */
public record SlackSettings(String botToken, String signingSecret, String appToken, URI apiUrl) {
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  /** How the app talks to Slack. */
  public enum Mode {
    DISABLED,
    HTTP,
    SOCKET
  }

  public Mode mode() {
    if (botToken == null) {
      return Mode.DISABLED;
    }
    return appToken != null ? Mode.SOCKET : Mode.HTTP;
  }

  /** What an admin has to set to connect Slack, for the start-up log. */
  public static String howToConnect() {
    return "Slack is not connected. For HTTP events set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET;"
        + " for Socket Mode set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (see the README).";
  }

  static SlackSettings fromEnvironment(Map<String, String> env, List<String> problems) {
    String botToken = value(env, "SLACK_BOT_TOKEN");
    String signingSecret = value(env, "SLACK_SIGNING_SECRET");
    String appToken = value(env, "SLACK_APP_TOKEN");
    if (botToken != null && !botToken.startsWith("xoxb-")) {
      problems.add(
          "SLACK_BOT_TOKEN must be the app's bot token (starts with xoxb-, under OAuth & Permissions)");
    }
    if (appToken != null && !appToken.startsWith("xapp-")) {
      problems.add(
          "SLACK_APP_TOKEN must be an app-level token (starts with xapp-, under Basic Information,"
              + " with the connections:write scope)");
    }
    if (botToken == null && (signingSecret != null || appToken != null)) {
      problems.add(
          "SLACK_BOT_TOKEN is missing: it is needed with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN");
    }
    if (botToken != null && signingSecret == null && appToken == null) {
      problems.add(
          "SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP events) nor SLACK_APP_TOKEN"
              + " (Socket Mode) is");
    }
    URI apiUrl = apiUrl(env.getOrDefault("SLACK_API_URL", DEFAULT_API_URL), problems);
    return new SlackSettings(botToken, signingSecret, appToken, apiUrl);
  }

  private static URI apiUrl(String raw, List<String> problems) {
    String text = raw.isBlank() ? DEFAULT_API_URL : raw.strip();
    if (!text.endsWith("/")) {
      text = text + "/";
    }
    try {
      URI uri = URI.create(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    problems.add(
        "SLACK_API_URL must be an http(s) URL such as " + DEFAULT_API_URL + ", not " + raw);
    return URI.create(DEFAULT_API_URL);
  }

  private static String value(Map<String, String> env, String name) {
    String raw = env.get(name);
    return raw == null || raw.isBlank() ? null : raw.strip();
  }

  @Override
  public String toString() {
    return "SlackSettings[mode="
        + mode()
        + ", botToken="
        + redact(botToken)
        + ", signingSecret="
        + redact(signingSecret)
        + ", appToken="
        + redact(appToken)
        + ", apiUrl="
        + apiUrl
        + "]";
  }

  private static String redact(String secret) {
    return secret == null ? "unset" : "***";
  }
}
