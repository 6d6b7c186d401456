package org.scalingcoach.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shapes Slack really sends, checked on a verified body before Bolt maps it: the fields our
 * handlers rely on must be there and of the right JSON type. A body Slack would never send is
 * refused with a reason (our own words, safe to log) instead of failing somewhere inside.
 */
public final class SlackPayloadCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> EVENT_STRINGS =
      Set.of("type", "user", "text", "channel", "ts", "thread_ts", "event_ts", "bot_id", "tab");
  private static final List<String> COMMAND_FIELDS =
      List.of("command", "team_id", "user_id", "channel_id", "response_url");

  private SlackPayloadCheck() {}

  /** Why Slack would never send {@code body}, or empty when it has the shape of a real request. */
  public static Optional<String> problem(String body) {
    String trimmed = body.stripLeading();
    if (trimmed.startsWith("{")) {
      return json(trimmed).map(SlackPayloadCheck::envelope).orElse(Optional.of("not JSON"));
    }
    Map<String, String> form = form(body);
    if (form == null) {
      return Optional.of("neither JSON nor a form");
    }
    if (form.containsKey("ssl_check")) {
      return Optional.empty();
    }
    if (form.containsKey("payload")) {
      return json(form.get("payload"))
          .map(SlackPayloadCheck::interaction)
          .orElse(Optional.of("the payload is not JSON"));
    }
    if (form.containsKey("command")) {
      return command(form);
    }
    return Optional.of("neither an event, a command nor an interaction");
  }

  private static Optional<String> envelope(JsonNode root) {
    if (!root.isObject() || !root.path("type").isTextual()) {
      return Optional.of("an event without a type");
    }
    String type = root.get("type").asText();
    if (type.equals("url_verification")) {
      return root.path("challenge").isTextual()
          ? Optional.empty()
          : Optional.of("a url_verification without a challenge");
    }
    if (!type.equals("event_callback")) {
      return Optional.empty(); // app_rate_limited and the like: acknowledged, nothing to do
    }
    if (!root.path("team_id").isTextual() || !root.path("event_id").isTextual()) {
      return Optional.of("an event without team_id or event_id");
    }
    JsonNode event = root.path("event");
    if (!event.isObject() || !event.path("type").isTextual()) {
      return Optional.of("an event_callback without an event type");
    }
    for (String field : EVENT_STRINGS) {
      if (!stringOrAbsent(event.get(field))) {
        return Optional.of("event." + field + " is not a string");
      }
    }
    String eventType = event.get("type").asText();
    if ((eventType.equals("message") || eventType.equals("app_mention"))
        && !event.path("channel").isTextual()) {
      return Optional.of("a message without a channel");
    }
    if (eventType.startsWith("assistant_thread") || event.has("assistant_thread")) {
      JsonNode thread = event.get("assistant_thread");
      if (!thread.isObject()
          || !thread.path("user_id").isTextual()
          || !thread.path("channel_id").isTextual()
          || !thread.path("thread_ts").isTextual()) {
        return Optional.of("an assistant thread without user, channel or thread");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> interaction(JsonNode payload) {
    if (!payload.isObject() || !payload.path("type").isTextual()) {
      return Optional.of("an interaction without a type");
    }
    if (!payload.path("user").path("id").isTextual()) {
      return Optional.of("an interaction without user.id");
    }
    if (!payload.path("team").path("id").isTextual()
        && !payload.path("user").path("team_id").isTextual()) {
      return Optional.of("an interaction without a team");
    }
    if (!stringOrAbsent(payload.get("response_url"))
        || !stringOrAbsent(payload.get("trigger_id"))) {
      return Optional.of("an interaction whose response_url or trigger_id is not a string");
    }
    return switch (payload.get("type").asText()) {
      case "block_actions" -> blockActions(payload);
      case "view_submission" -> viewSubmission(payload);
      default -> Optional.empty();
    };
  }

  private static Optional<String> blockActions(JsonNode payload) {
    JsonNode actions = payload.path("actions");
    if (!actions.isArray() || actions.isEmpty()) {
      return Optional.of("block_actions without actions");
    }
    for (JsonNode action : actions) {
      if (!action.isObject()
          || !action.path("action_id").isTextual()
          || !stringOrAbsent(action.get("value"))
          || !stringOrAbsent(action.get("block_id"))
          || !stringOrAbsent(action.get("selected_conversation"))) {
        return Optional.of("an action without a string action_id, value or block_id");
      }
    }
    if (payload.has("container") && !payload.get("container").isObject()) {
      return Optional.of("a container that is not an object");
    }
    if (payload.has("channel") && !payload.get("channel").isNull()) {
      if (!payload.get("channel").path("id").isTextual()) {
        return Optional.of("a channel without an id");
      }
    }
    if (!payload.has("response_url") && !payload.path("view").isObject()) {
      return Optional.of("block_actions with neither a response_url nor a view");
    }
    return Optional.empty();
  }

  private static Optional<String> viewSubmission(JsonNode payload) {
    JsonNode view = payload.path("view");
    if (!view.isObject()
        || !view.path("callback_id").isTextual()
        || !view.path("state").path("values").isObject()
        || !stringOrAbsent(view.get("private_metadata"))) {
      return Optional.of("a view_submission without callback_id or state");
    }
    return Optional.empty();
  }

  private static Optional<String> command(Map<String, String> form) {
    for (String field : COMMAND_FIELDS) {
      String value = form.get(field);
      if (value == null || value.isBlank()) {
        return Optional.of("a slash command without " + field);
      }
    }
    if (!isHttpUrl(form.get("response_url"))) {
      return Optional.of("a slash command whose response_url is not a URL");
    }
    return Optional.empty();
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = URI.create(value);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean stringOrAbsent(JsonNode node) {
    return node == null || node.isTextual();
  }

  private static Optional<JsonNode> json(String text) {
    try {
      return Optional.ofNullable(JSON.readTree(text));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        return null;
      }
      try {
        fields.putIfAbsent(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return fields;
  }
}
