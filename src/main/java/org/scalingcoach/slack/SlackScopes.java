package org.scalingcoach.slack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every Slack Web API method the coach calls and every event it subscribes to, with the bot scopes
 * each needs. The manifest's scopes are generated from this list, and {@link SlackWebApi} refuses a
 * method that is not on it: a real workspace answers {@code missing_scope} to a call whose scope
 * the app was not granted, and our fake Slack does not check.
 */
public final class SlackScopes {
  /**
   * Web API method → the bot scopes it needs. {@code chat.postMessage} also needs {@code
   * chat:write.public} to share an answer into a channel the bot is not in, and {@code im:write} to
   * post to a person by user id (reminders, audit questions).
   */
  static final Map<String, List<String>> METHODS =
      ordered(
          "chat.postMessage", List.of("chat:write", "chat:write.public", "im:write"),
          "chat.update", List.of("chat:write"),
          "chat.startStream", List.of("chat:write"),
          "chat.appendStream", List.of("chat:write"),
          "chat.stopStream", List.of("chat:write"),
          "files.getUploadURLExternal", List.of("files:write"),
          "files.completeUploadExternal", List.of("files:write"),
          "views.open", List.of(),
          "views.publish", List.of(),
          "assistant.threads.setStatus", List.of("assistant:write"),
          "assistant.threads.setSuggestedPrompts", List.of("assistant:write"),
          // After a crash: did the coach already answer in this thread or conversation?
          // (SlackInbox.replied)
          "conversations.replies", List.of("channels:history", "groups:history", "im:history"),
          "conversations.history", List.of("channels:history", "groups:history", "im:history"),
          // ... and the app's DM with a person, to read it for a message posted by user id
          // (SlackWebApi.postedBefore)
          "conversations.open", List.of("im:write"),
          // Bolt calls it on the first request to learn the bot's own user id.
          "auth.test", List.of());

  /** Bot event → the scope that subscribes to it. */
  static final Map<String, List<String>> EVENTS =
      ordered(
          "app_home_opened", List.of(),
          "app_mention", List.of("app_mentions:read"),
          "assistant_thread_context_changed", List.of("assistant:write"),
          "assistant_thread_started", List.of("assistant:write"),
          "message.channels", List.of("channels:history"),
          "message.groups", List.of("groups:history"),
          "message.im", List.of("im:history"));

  /** The {@code /coach} slash command. */
  static final List<String> COMMAND_SCOPES = List.of("commands");

  private SlackScopes() {}

  /** Whether the coach may call this Web API method (it is listed with its scopes). */
  public static boolean isListed(String method) {
    return METHODS.containsKey(method);
  }

  /** Every bot scope the app needs, sorted: what the manifest asks the workspace for. */
  public static List<String> botScopes() {
    TreeSet<String> scopes = new TreeSet<>(COMMAND_SCOPES);
    Stream.concat(METHODS.values().stream(), EVENTS.values().stream()).forEach(scopes::addAll);
    return List.copyOf(scopes);
  }

  /** The events the manifest subscribes to. */
  public static List<String> botEvents() {
    return List.copyOf(EVENTS.keySet());
  }

  private static Map<String, List<String>> ordered(Object... keysAndValues) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> scopes = (List<String>) keysAndValues[i + 1];
      map.put((String) keysAndValues[i], scopes);
    }
    return Collections.unmodifiableMap(map);
  }
}
