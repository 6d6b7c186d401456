package org.scalingcoach.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.util.json.GsonFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a verified request into Bolt's request object, as Bolt's {@link SlackRequestParser} does,
 * except that button clicks ({@code block_actions}) are read with one shared Gson. Bolt builds a
 * new Gson for every click and with it the type adapters of the payload's whole class tree, which
 * was half of the request thread's CPU under 50 clicking auditors. Everything else goes to Bolt's
 * parser unchanged. Only ever given a body whose signature has been checked.
 */
public final class SlackRequestReader {
  private static final String PAYLOAD = "payload=";
  private static final Gson GSON = GsonFactory.createSnakeCase();
  private static final java.util.Set<String> MESSAGE_CONTENT =
      java.util.Set.of("blocks", "attachments", "files", "metadata");

  private final AppConfig config;
  private final SlackRequestParser bolt;

  public SlackRequestReader(AppConfig config) {
    this.config = config;
    this.bolt = new SlackRequestParser(config);
  }

  /**
   * Bolt's request for {@code raw}, or null when it is no request Bolt knows (as Bolt's parser).
   */
  public Request<?> read(SlackRequestParser.HttpRequest raw) {
    String body = raw.getRequestBody();
    if (!isPayloadForm(raw, body)) {
      return bolt.parse(raw);
    }
    String json = URLDecoder.decode(body.substring(PAYLOAD.length()), StandardCharsets.UTF_8);
    JsonElement tree = GSON.fromJson(json, JsonElement.class);
    return read(raw, tree != null && tree.isJsonObject() ? tree.getAsJsonObject() : null);
  }

  /**
   * As {@link #read(SlackRequestParser.HttpRequest)}, given the interaction payload {@link
   * SlackPayloadCheck} already parsed from this very body (or null), so it is not read again.
   */
  public Request<?> read(SlackRequestParser.HttpRequest raw, JsonObject interaction) {
    if (interaction == null
        || !isPayloadForm(raw, raw.getRequestBody())
        || !isType(interaction, BlockActionPayload.TYPE)) {
      return bolt.parse(raw);
    }
    Request<?> request =
        new ClickRequest(
            raw.getRequestBody(),
            GSON.fromJson(withoutMessageContent(interaction), BlockActionPayload.class),
            raw.getHeaders());
    finish(request, raw);
    return request;
  }

  private static boolean isPayloadForm(SlackRequestParser.HttpRequest raw, String body) {
    return !raw.isSocketMode() && body != null && body.startsWith(PAYLOAD) && body.indexOf('&') < 0;
  }

  /**
   * The payload without the clicked message's blocks and attachments, which a click carries whole
   * and no handler reads (they use the container's ids): mapping them into block objects was the
   * largest part of reading a click. The stored request keeps the full body.
   */
  private static JsonObject withoutMessageContent(JsonObject payload) {
    JsonElement message = payload.get("message");
    if (message == null || !message.isJsonObject()) {
      return payload;
    }
    JsonObject light = new JsonObject();
    payload.entrySet().forEach(e -> light.add(e.getKey(), e.getValue()));
    JsonObject lightMessage = new JsonObject();
    for (var field : message.getAsJsonObject().entrySet()) {
      if (!MESSAGE_CONTENT.contains(field.getKey())) {
        lightMessage.add(field.getKey(), field.getValue());
      }
    }
    light.add("message", lightMessage);
    return light;
  }

  private static boolean isType(JsonObject payload, String type) {
    JsonElement value = payload.get("type");
    return value != null && value.isJsonPrimitive() && type.equals(value.getAsString());
  }

  /** What Bolt's parser does to every request it builds. */
  private void finish(Request<?> request, SlackRequestParser.HttpRequest raw) {
    request.setSocketMode(false);
    request.updateContext(config);
    Map<String, List<String>> query = raw.getQueryString();
    if (query != null) {
      query.forEach(
          (name, values) ->
              request
                  .getQueryString()
                  .computeIfAbsent(name, n -> new ArrayList<>())
                  .addAll(values));
    }
    String forwarded = raw.getHeaders().getFirstValue("X-FORWARDED-FOR");
    request.setClientIpAddress(forwarded == null ? raw.getRemoteAddress() : forwarded);
  }

  /**
   * A {@code block_actions} request whose payload was read with the shared Gson. Bolt's constructor
   * is given no payload text, so it maps nothing (Gson returns null for null text without building
   * an adapter); the context is then filled from the payload as Bolt's constructor fills it.
   */
  static final class ClickRequest extends BlockActionRequest {
    private final BlockActionPayload payload;

    ClickRequest(String body, BlockActionPayload payload, RequestHeaders headers) {
      super(body, null, headers);
      this.payload = payload;
      if (payload == null) {
        return;
      }
      var context = getContext();
      context.setFunctionBotAccessToken(payload.getBotAccessToken());
      context.setResponseUrl(payload.getResponseUrl());
      context.setTriggerId(payload.getTriggerId());
      if (payload.getTriggerId() == null
          && payload.getInteractivity() != null
          && payload.getInteractivity().getInteractivityPointer() != null) {
        context.setTriggerId(payload.getInteractivity().getInteractivityPointer());
      }
      if (payload.getEnterprise() != null) {
        context.setEnterpriseId(payload.getEnterprise().getId());
      } else if (payload.getTeam() != null) {
        context.setEnterpriseId(payload.getTeam().getEnterpriseId());
      }
      if (payload.getTeam() != null && payload.getTeam().getId() != null) {
        context.setTeamId(payload.getTeam().getId());
      } else if (payload.getUser() != null && payload.getUser().getTeamId() != null) {
        context.setTeamId(payload.getUser().getTeamId());
      }
      if (payload.getUser() != null) {
        context.setRequestUserId(payload.getUser().getId());
      }
      if (payload.getFunctionData() != null) {
        context.setFunctionExecutionId(payload.getFunctionData().getExecutionId());
      }
    }

    @Override
    public BlockActionPayload getPayload() {
      return payload;
    }
  }
}
