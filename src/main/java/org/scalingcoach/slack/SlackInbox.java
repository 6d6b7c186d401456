package org.scalingcoach.slack;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.scalingcoach.delivery.BackgroundWork;
import org.scalingcoach.delivery.Delivery;
import org.scalingcoach.delivery.DeliveryWorkers;
import org.scalingcoach.delivery.NewDelivery;

/**
 * Slack's side of the durable inbox. A verified request runs through Bolt with its background work
 * collected; when there is work, the request is stored before Slack gets its 2xx. After a restart a
 * stored request is run through Bolt again: its signature was checked when it arrived, and Bolt
 * does not check signatures (the servlet does, before anything reads a body).
 */
final class SlackInbox implements DeliveryWorkers.Handler {
  static final String PLATFORM = "slack";
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String BUSY = "{\"error\":\"the coach is busy; please retry\"}";

  private final App app;
  private final DeliveryWorkers workers;
  private final SlackRequestReader parser;
  private final boolean socketMode;
  private final SlackWebApi slack;
  private final Clock clock;

  SlackInbox(
      App app, DeliveryWorkers workers, String signingSecret, SlackWebApi slack, Clock clock) {
    this.app = app;
    this.workers = workers;
    this.parser = new SlackRequestReader(app.config());
    // In Socket Mode there is no signing secret: stored requests are then replayed as socket ones.
    this.socketMode = signingSecret == null;
    this.slack = slack;
    this.clock = clock;
  }

  /** Handles a request at the door: acknowledged only once its work is safely stored. */
  Response receive(Request<?> request) throws Exception {
    BackgroundWork.Collected<Response> handled = BackgroundWork.collect(() -> app.run(request));
    Response response = handled.result();
    if (handled.work().isEmpty() || response.getStatusCode() / 100 != 2) {
      return response; // nothing to do later (help, ignored events), or Bolt refused it
    }
    NewDelivery delivery =
        new NewDelivery(PLATFORM, request.getContext().getTeamId(), key(request), stored(request));
    return switch (workers.accept(delivery, () -> handled.work().forEach(Runnable::run))) {
      case ACCEPTED, DUPLICATE -> response;
      case FULL ->
          Response.builder().statusCode(503).contentType("application/json").body(BUSY).build();
    };
  }

  @Override
  public void replay(Delivery delivery) throws Exception {
    JsonNode stored = JSON.readTree(delivery.payload());
    String body = stored.path("body").asText();
    Map<String, List<String>> headers = new java.util.HashMap<>();
    headers.put("content-type", List.of(stored.path("contentType").asText()));
    headers.put(
        "x-slack-request-timestamp", List.of(String.valueOf(clock.instant().getEpochSecond())));
    Request<?> request =
        parser.read(
            SlackRequestParser.HttpRequest.builder()
                .requestUri("/slack/events")
                .queryString(Map.of())
                .requestBody(body)
                .headers(new RequestHeaders(headers))
                .remoteAddress("127.0.0.1")
                .socketMode(socketMode)
                .build());
    Response response = app.run(request);
    if (response.getStatusCode() / 100 != 2) {
      throw new IllegalStateException("Bolt refused a stored request: " + response.getStatusCode());
    }
  }

  /**
   * When no message of the reply is recorded, the conversation tells: for an event, a reply by the
   * coach in the message's thread posted after it; for a click on a message, a message by the coach
   * posted after the clicked one in that conversation (the next audit question, a follow-up
   * answer).
   */
  @Override
  public boolean replied(Delivery delivery) {
    try {
      String body = JSON.readTree(delivery.payload()).path("body").asText();
      if (body.startsWith("payload=")) {
        JsonNode container =
            JSON.readTree(
                    URLDecoder.decode(body.substring("payload=".length()), StandardCharsets.UTF_8))
                .path("container");
        String channel = container.path("channel_id").asText(null);
        String clicked = container.path("message_ts").asText(null);
        return channel != null
            && clicked != null
            && coachPostedAfter(
                clicked,
                slack
                    .call(
                        "conversations.history",
                        client ->
                            client.conversationsHistory(r -> r.channel(channel).oldest(clicked)))
                    .getMessages());
      }
      JsonNode event = JSON.readTree(body).path("event");
      String channel = event.path("channel").asText(null);
      String ts = event.path("ts").asText(null);
      if (channel == null || ts == null) {
        return false;
      }
      String root = event.path("thread_ts").asText(ts);
      return coachPostedAfter(
          ts,
          slack
              .call(
                  "conversations.replies",
                  client -> client.conversationsReplies(r -> r.channel(channel).ts(root)))
              .getMessages());
    } catch (Exception e) {
      // Cannot tell: answering again risks a duplicate, not answering risks a loss; prefer the
      // answer, as the person asked and is waiting.
      return false;
    }
  }

  private boolean coachPostedAfter(String ts, List<com.slack.api.model.Message> messages) {
    String botId = slack.call("auth.test", client -> client.authTest(r -> r)).getBotId();
    return messages != null
        && botId != null
        && messages.stream()
            .anyMatch(
                m ->
                    botId.equals(m.getBotId()) && m.getTs() != null && m.getTs().compareTo(ts) > 0);
  }

  /** The dedupe key: Slack's event id, the trigger id of a command or click, else a hash. */
  static String key(Request<?> request) {
    String trigger = null;
    if (request instanceof EventRequest) {
      try {
        String eventId = JSON.readTree(request.getRequestBodyAsString()).path("event_id").asText();
        if (!eventId.isEmpty()) {
          return "event:" + eventId;
        }
      } catch (Exception e) {
        // fall back to the hash below; Bolt has already parsed the body once
      }
    } else if (request instanceof SlashCommandRequest command) {
      trigger = command.getPayload().getTriggerId();
    } else if (request instanceof BlockActionRequest action) {
      trigger = action.getPayload().getTriggerId();
    } else if (request instanceof ViewSubmissionRequest submission) {
      trigger = submission.getPayload().getTriggerId();
    }
    if (trigger != null && !trigger.isEmpty()) {
      return "trigger:" + trigger;
    }
    // The signed request itself: a replay of the same signed body is the same delivery.
    String signed =
        request.getHeaders().getFirstValue("x-slack-request-timestamp")
            + ":"
            + request.getRequestBodyAsString();
    return NewDelivery.hashedKey("request:", signed);
  }

  /** The request as stored: its content type and body, written straight out (no tree). */
  private static String stored(Request<?> request) {
    String type = request.getHeaders().getFirstValue("content-type");
    String body = request.getRequestBodyAsString();
    StringWriter out = new StringWriter(body.length() + 64);
    try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("contentType", type == null ? "application/json" : type);
      json.writeStringField("body", body);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
