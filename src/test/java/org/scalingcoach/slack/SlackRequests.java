package org.scalingcoach.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds requests the way Slack sends them: real payload shapes (as in slackapi/java-slack-sdk
 * json-logs/samples), signed with the v0 HMAC-SHA256 scheme.
 */
public final class SlackRequests {
  public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI endpoint;

  private static final java.util.concurrent.atomic.AtomicLong TRIGGERS =
      new java.util.concurrent.atomic.AtomicLong();

  /** A trigger id of its own, as Slack gives every command, click and submission. */
  public static String nextTriggerId() {
    return "13345224609."
        + ProcessHandle.current().pid()
        + "."
        + String.format("%016x", TRIGGERS.incrementAndGet());
  }

  /** The value of the button {@code actionId} in posted Block Kit {@code blocks}. */
  public static String buttonValue(JsonNode blocks, String actionId) {
    for (JsonNode block : blocks) {
      for (JsonNode element : block.path("elements")) {
        if (actionId.equals(element.path("action_id").asText())) {
          return element.path("value").asText();
        }
      }
    }
    throw new AssertionError("no button " + actionId + " in " + blocks);
  }

  public SlackRequests(int port) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
  }

  public static String signature(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts a JSON event body signed now. */
  public HttpResponse<String> event(String body, String... extraHeaders) {
    return post(
        "application/json", body, SIGNING_SECRET, Instant.now().getEpochSecond(), extraHeaders);
  }

  /** Posts a form body (slash commands, interactions) signed now. */
  public HttpResponse<String> form(String body) {
    return post(
        "application/x-www-form-urlencoded", body, SIGNING_SECRET, Instant.now().getEpochSecond());
  }

  public HttpResponse<String> post(
      String contentType, String body, String secret, long timestamp, String... extraHeaders) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
            .header("X-Slack-Signature", signature(secret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < extraHeaders.length; i += 2) {
      request.setHeader(extraHeaders[i], extraHeaders[i + 1]);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The Events API envelope around {@code event}. */
  public static String envelope(String team, String eventId, ObjectNode event) {
    ObjectNode root = JSON.createObjectNode();
    root.put("token", "legacy-verification-token");
    root.put("team_id", team);
    root.put("api_app_id", "A0COACH");
    root.set("event", event);
    root.put("type", "event_callback");
    root.put("event_id", eventId);
    root.put("event_time", Instant.now().getEpochSecond());
    ArrayNode authorizations = root.putArray("authorizations");
    authorizations
        .addObject()
        .putNull("enterprise_id")
        .put("team_id", team)
        .put("user_id", FakeSlack.BOT_USER)
        .put("is_bot", true)
        .put("is_enterprise_install", false);
    root.put("is_ext_shared_channel", false);
    root.put("event_context", "4-eyJldCI6ImFwcF9tZW50aW9uIn0");
    return root.toString();
  }

  public static ObjectNode appMention(
      String team, String channel, String user, String ts, String threadTs, String text) {
    ObjectNode event = JSON.createObjectNode();
    event.put("client_msg_id", UUID.randomUUID().toString());
    event.put("type", "app_mention");
    event.put("text", text);
    event.put("user", user);
    event.put("ts", ts);
    event.set("blocks", richText(text));
    event.put("team", team);
    if (threadTs != null) {
      event.put("thread_ts", threadTs);
      event.put("parent_user_id", user);
    }
    event.put("channel", channel);
    event.put("event_ts", ts);
    return event;
  }

  public static ObjectNode message(
      String team,
      String channel,
      String channelType,
      String user,
      String ts,
      String threadTs,
      String text) {
    ObjectNode event = JSON.createObjectNode();
    event.put("client_msg_id", UUID.randomUUID().toString());
    event.put("type", "message");
    event.put("text", text);
    event.put("user", user);
    event.put("ts", ts);
    event.set("blocks", richText(text));
    event.put("team", team);
    if (threadTs != null) {
      event.put("thread_ts", threadTs);
      event.put("parent_user_id", user);
    }
    event.put("channel", channel);
    event.put("event_ts", ts);
    event.put("channel_type", channelType);
    return event;
  }

  public static ObjectNode botMessage(String channel, String channelType, String ts, String text) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "message");
    event.put("text", text);
    event.put("user", "UOTHERBOT");
    event.put("bot_id", "BOTHERBOT");
    event.putObject("bot_profile").put("id", "BOTHERBOT").put("name", "other-bot");
    event.put("ts", ts);
    event.put("channel", channel);
    event.put("event_ts", ts);
    event.put("channel_type", channelType);
    return event;
  }

  public static ObjectNode appHomeOpened(String user, String channel) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "app_home_opened");
    event.put("user", user);
    event.put("channel", channel);
    event.put("tab", "home");
    event.put("event_ts", "1800000000.000001");
    return event;
  }

  public static ObjectNode assistantThreadStarted(String user, String channel, String threadTs) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "assistant_thread_started");
    ObjectNode thread = event.putObject("assistant_thread");
    thread.put("user_id", user);
    thread.putObject("context");
    thread.put("channel_id", channel);
    thread.put("thread_ts", threadTs);
    event.put("event_ts", threadTs);
    return event;
  }

  /** A {@code /coach} invocation as Slack posts it (form encoded). */
  public static String slashCommand(
      String team, String channel, String user, String text, String responseUrl) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("token", "legacy-verification-token");
    fields.put("team_id", team);
    fields.put("team_domain", "coach-test");
    fields.put("channel_id", channel);
    fields.put("channel_name", "ai-guild");
    fields.put("user_id", user);
    fields.put("user_name", "ada");
    fields.put("command", "/coach");
    fields.put("text", text);
    fields.put("api_app_id", "A0COACH");
    fields.put("is_enterprise_install", "false");
    fields.put("response_url", responseUrl);
    fields.put("trigger_id", nextTriggerId());
    return formEncode(fields);
  }

  /**
   * A click on a button in a message, as a {@code block_actions} payload. {@code ephemeral} marks a
   * message only the clicker sees (such as a /coach answer).
   */
  public static String blockAction(
      String team,
      String user,
      String channel,
      String messageTs,
      String threadTs,
      boolean ephemeral,
      String actionId,
      String value,
      String responseUrl) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "block_actions");
    root.putObject("user")
        .put("id", user)
        .put("username", "ada")
        .put("name", "ada")
        .put("team_id", team);
    root.put("api_app_id", "A0COACH");
    root.put("token", "legacy-verification-token");
    ObjectNode container = root.putObject("container");
    container.put("type", "message");
    container.put("message_ts", messageTs);
    container.put("channel_id", channel);
    container.put("is_ephemeral", ephemeral);
    if (threadTs != null) {
      container.put("thread_ts", threadTs);
    }
    root.put("trigger_id", nextTriggerId());
    root.putObject("team").put("id", team).put("domain", "coach-test");
    root.putNull("enterprise");
    root.put("is_enterprise_install", false);
    root.putObject("channel").put("id", channel).put("name", "ai-guild");
    if (!ephemeral) {
      ObjectNode message = root.putObject("message");
      message.put("type", "message");
      message.put("user", FakeSlack.BOT_USER);
      message.put("ts", messageTs);
      message.put("bot_id", FakeSlack.BOT_ID);
      message.put("text", "answer");
      if (threadTs != null) {
        message.put("thread_ts", threadTs);
      }
    }
    root.putObject("state").putObject("values");
    root.put("response_url", responseUrl);
    ArrayNode actions = root.putArray("actions");
    actions
        .addObject()
        .put("action_id", actionId)
        .put("block_id", "coach_feedback")
        .put("value", value)
        .put("type", "button")
        .put("action_ts", "1800000001.000200")
        .putObject("text")
        .put("type", "plain_text")
        .put("text", "button")
        .put("emoji", true);
    return formEncode(Map.of("payload", root.toString()));
  }

  /** A click on a button of the App Home view (no message, no response URL). */
  public static String homeAction(String team, String user, String actionId, String value) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "block_actions");
    root.putObject("user").put("id", user).put("username", "ada").put("team_id", team);
    root.put("api_app_id", "A0COACH");
    root.put("token", "legacy-verification-token");
    root.putObject("container").put("type", "view").put("view_id", "V0HOME");
    root.put("trigger_id", nextTriggerId());
    root.putObject("team").put("id", team).put("domain", "coach-test");
    root.putObject("view").put("id", "V0HOME").put("type", "home").put("team_id", team);
    root.putArray("actions")
        .addObject()
        .put("action_id", actionId)
        .put("block_id", "coach_examples")
        .put("value", value)
        .put("type", "button")
        .put("action_ts", "1800000001.000300");
    return formEncode(Map.of("payload", root.toString()));
  }

  /**
   * The same button clicked again: a new payload with its own {@code action_ts} and {@code
   * trigger_id}, as Slack sends for a second click.
   */
  public static String clickedAgain(String form, String actionTs, String triggerId) {
    try {
      String json =
          java.net.URLDecoder.decode(form.substring("payload=".length()), StandardCharsets.UTF_8);
      ObjectNode payload = (ObjectNode) JSON.readTree(json);
      payload.put("trigger_id", triggerId);
      ((ObjectNode) payload.path("actions").get(0)).put("action_ts", actionTs);
      return formEncode(Map.of("payload", payload.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Someone in the assistant panel switched to another channel. */
  public static ObjectNode assistantThreadContextChanged(
      String team, String user, String channel, String threadTs, String viewing) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", "assistant_thread_context_changed");
    ObjectNode thread = event.putObject("assistant_thread");
    thread.put("user_id", user);
    thread.putObject("context").put("channel_id", viewing).put("team_id", team);
    thread.put("channel_id", channel);
    thread.put("thread_ts", threadTs);
    event.put("event_ts", "1800000950.000100");
    return event;
  }

  /**
   * A modal submitted by {@code user}, as a {@code view_submission} payload: {@code values} maps
   * block id to action id to the typed value of a plain text input.
   */
  public static String viewSubmission(
      String team,
      String user,
      String callbackId,
      String privateMetadata,
      Map<String, Map<String, String>> values) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "view_submission");
    root.putObject("team").put("id", team).put("domain", "coach-test");
    root.putObject("user")
        .put("id", user)
        .put("username", "ada")
        .put("name", "ada")
        .put("team_id", team);
    root.put("api_app_id", "A0COACH");
    root.put("token", "legacy-verification-token");
    root.put("trigger_id", nextTriggerId());
    ObjectNode view = root.putObject("view");
    view.put("id", "V0SUBJECT").put("team_id", team).put("type", "modal");
    view.putArray("blocks");
    view.put("private_metadata", privateMetadata);
    view.put("callback_id", callbackId);
    ObjectNode state = view.putObject("state").putObject("values");
    values.forEach(
        (block, actions) -> {
          ObjectNode blockNode = state.putObject(block);
          actions.forEach(
              (action, value) ->
                  blockNode.putObject(action).put("type", "plain_text_input").put("value", value));
        });
    view.put("hash", "1800000960.abcdef");
    view.putObject("title").put("type", "plain_text").put("text", "Start an audit");
    view.put("clear_on_close", false).put("notify_on_close", false);
    view.putNull("root_view_id").put("app_id", "A0COACH").put("bot_id", FakeSlack.BOT_ID);
    root.putArray("response_urls");
    root.put("is_enterprise_install", false);
    return formEncode(Map.of("payload", root.toString()));
  }

  private static ArrayNode richText(String text) {
    ArrayNode blocks = JSON.createArrayNode();
    ObjectNode block = blocks.addObject().put("type", "rich_text").put("block_id", "b1");
    block
        .putArray("elements")
        .addObject()
        .put("type", "rich_text_section")
        .putArray("elements")
        .addObject()
        .put("type", "text")
        .put("text", text);
    return blocks;
  }

  static String formEncode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
