package org.scalingcoach.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.internal.bind.TypeAdapters;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
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
 * refused with a reason (our own words, safe to log) instead of failing somewhere inside. The body
 * is read once: an interaction's payload, parsed here, is handed on to {@link SlackRequestReader}
 * so the request thread never decodes or parses it twice.
 */
public final class SlackPayloadCheck {
  private static final TypeAdapter<JsonElement> TREE = TypeAdapters.JSON_ELEMENT;
  private static final Set<String> EVENT_STRINGS =
      Set.of("type", "user", "text", "channel", "ts", "thread_ts", "event_ts", "bot_id", "tab");
  private static final List<String> COMMAND_FIELDS =
      List.of("command", "team_id", "user_id", "channel_id", "response_url");

  private SlackPayloadCheck() {}

  /**
   * What the check found: a problem, or the request's interaction payload (parsed, null for events
   * and commands) for the reader to map.
   */
  public record Checked(Optional<String> problem, JsonObject interaction) {
    static Checked refused(String why) {
      return new Checked(Optional.of(why), null);
    }

    static Checked of(Optional<String> problem) {
      return new Checked(problem, null);
    }
  }

  /** Why Slack would never send {@code body}, or empty when it has the shape of a real request. */
  public static Optional<String> problem(String body) {
    return check(body).problem();
  }

  /** {@link #problem} with the interaction payload it parsed on the way. */
  public static Checked check(String body) {
    String trimmed = body.stripLeading();
    if (trimmed.startsWith("{")) {
      return json(trimmed)
          .map(root -> Checked.of(envelope(root)))
          .orElse(Checked.refused("not JSON"));
    }
    Map<String, String> form = form(body);
    if (form == null) {
      return Checked.refused("neither JSON nor a form");
    }
    if (form.containsKey("ssl_check")) {
      return Checked.of(Optional.empty());
    }
    if (form.containsKey("payload")) {
      Optional<JsonElement> payload = json(form.get("payload"));
      if (payload.isEmpty()) {
        return Checked.refused("the payload is not JSON");
      }
      Optional<String> problem = interaction(payload.get());
      return new Checked(problem, problem.isEmpty() ? payload.get().getAsJsonObject() : null);
    }
    if (form.containsKey("command")) {
      return Checked.of(command(form));
    }
    return Checked.refused("neither an event, a command nor an interaction");
  }

  private static Optional<String> envelope(JsonElement root) {
    if (!root.isJsonObject() || !isText(path(root, "type"))) {
      return Optional.of("an event without a type");
    }
    String type = text(root, "type");
    if (type.equals("url_verification")) {
      return isText(path(root, "challenge"))
          ? Optional.empty()
          : Optional.of("a url_verification without a challenge");
    }
    if (!type.equals("event_callback")) {
      return Optional.empty(); // app_rate_limited and the like: acknowledged, nothing to do
    }
    if (!isText(path(root, "team_id")) || !isText(path(root, "event_id"))) {
      return Optional.of("an event without team_id or event_id");
    }
    JsonElement event = path(root, "event");
    if (!event.isJsonObject() || !isText(path(event, "type"))) {
      return Optional.of("an event_callback without an event type");
    }
    for (String field : EVENT_STRINGS) {
      if (!stringOrAbsent(get(event, field))) {
        return Optional.of("event." + field + " is not a string");
      }
    }
    String eventType = text(event, "type");
    if ((eventType.equals("message") || eventType.equals("app_mention"))
        && !isText(path(event, "channel"))) {
      return Optional.of("a message without a channel");
    }
    if (eventType.equals("app_home_opened") && !isText(path(event, "user"))) {
      return Optional.of("app_home_opened without a user");
    }
    if (eventType.startsWith("assistant_thread") || has(event, "assistant_thread")) {
      JsonElement thread = path(event, "assistant_thread");
      if (!thread.isJsonObject()
          || !isText(path(thread, "user_id"))
          || !isText(path(thread, "channel_id"))
          || !isText(path(thread, "thread_ts"))) {
        return Optional.of("an assistant thread without user, channel or thread");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> interaction(JsonElement payload) {
    if (!payload.isJsonObject() || !isText(path(payload, "type"))) {
      return Optional.of("an interaction without a type");
    }
    if (!isText(path(path(payload, "user"), "id"))) {
      return Optional.of("an interaction without user.id");
    }
    if (!isText(path(path(payload, "team"), "id"))) {
      return Optional.of("an interaction without a team");
    }
    if (!stringOrAbsent(get(payload, "response_url"))
        || !stringOrAbsent(get(payload, "trigger_id"))) {
      return Optional.of("an interaction whose response_url or trigger_id is not a string");
    }
    return switch (text(payload, "type")) {
      case "block_actions" -> blockActions(payload);
      case "view_submission" -> viewSubmission(payload);
      default -> Optional.empty();
    };
  }

  private static Optional<String> blockActions(JsonElement payload) {
    JsonElement actions = path(payload, "actions");
    if (!actions.isJsonArray() || actions.getAsJsonArray().isEmpty()) {
      return Optional.of("block_actions without actions");
    }
    for (JsonElement action : actions.getAsJsonArray()) {
      if (!action.isJsonObject()
          || !isText(path(action, "action_id"))
          || !stringOrAbsent(get(action, "value"))
          || !stringOrAbsent(get(action, "block_id"))
          || !stringOrAbsent(get(action, "selected_conversation"))) {
        return Optional.of("an action without a string action_id, value or block_id");
      }
    }
    JsonElement container = path(payload, "container");
    if (has(payload, "container") && !container.isJsonObject()) {
      return Optional.of("a container that is not an object");
    }
    if ("message".equals(text(container, "type"))
        && (!isText(path(container, "channel_id"))
            || !isText(path(container, "message_ts"))
            || !stringOrAbsent(get(container, "thread_ts")))) {
      return Optional.of("a message container without channel_id or message_ts");
    }
    if (has(payload, "channel") && !path(payload, "channel").isJsonNull()) {
      if (!isText(path(path(payload, "channel"), "id"))) {
        return Optional.of("a channel without an id");
      }
    }
    if (!has(payload, "response_url") && !path(payload, "view").isJsonObject()) {
      return Optional.of("block_actions with neither a response_url nor a view");
    }
    return Optional.empty();
  }

  private static Optional<String> viewSubmission(JsonElement payload) {
    JsonElement view = path(payload, "view");
    if (!view.isJsonObject()
        || !isText(path(view, "callback_id"))
        || !path(path(view, "state"), "values").isJsonObject()
        || !stringOrAbsent(get(view, "private_metadata"))) {
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

  private static boolean stringOrAbsent(JsonElement node) {
    return node == null || isText(node);
  }

  private static boolean isText(JsonElement node) {
    return node != null && node.isJsonPrimitive() && node.getAsJsonPrimitive().isString();
  }

  /** {@code node}'s field {@code name}, or JSON null when there is none (as Jackson's path). */
  private static JsonElement path(JsonElement node, String name) {
    JsonElement value =
        node != null && node.isJsonObject() ? node.getAsJsonObject().get(name) : null;
    return value == null ? com.google.gson.JsonNull.INSTANCE : value;
  }

  private static boolean has(JsonElement node, String name) {
    return node.isJsonObject() && node.getAsJsonObject().has(name);
  }

  /** The string at {@code node}'s field {@code name}, or empty when it is none. */
  private static String text(JsonElement node, String name) {
    JsonElement value = path(node, name);
    return isText(value) ? value.getAsString() : "";
  }

  private static JsonElement get(JsonElement node, String name) {
    return node.isJsonObject() ? node.getAsJsonObject().get(name) : null;
  }

  /** Strict JSON, one value and nothing after it, as Slack sends. */
  private static Optional<JsonElement> json(String text) {
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      reader.setStrictness(Strictness.STRICT);
      JsonElement tree = TREE.read(reader);
      return reader.peek() == JsonToken.END_DOCUMENT ? Optional.of(tree) : Optional.empty();
    } catch (IOException | RuntimeException e) {
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
