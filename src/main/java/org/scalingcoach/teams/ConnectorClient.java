package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.scalingcoach.delivery.Delivery;
import org.scalingcoach.delivery.DeliveryScope;
import org.scalingcoach.delivery.ProcessorSlots;
import org.scalingcoach.delivery.Retry;
import org.scalingcoach.metrics.CoachMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the bot's activities through the Bot Connector REST API: replies, new messages and card
 * updates. Throttling (429) and server errors (5xx) are retried with exponential backoff, honouring
 * {@code Retry-After}.
 */
public final class ConnectorClient {
  private static final Logger log = LoggerFactory.getLogger(ConnectorClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Optional<BotTokenProvider> tokens;
  private final Retry retry;
  private volatile GraphReplies graph;
  private final AtomicBoolean toldGraphIsOff = new AtomicBoolean();

  /**
   * @param tokens the bot's credentials; empty only for the Emulator, which accepts unsigned calls
   * @param attempts how many times a throttled or failed call is tried in all
   * @param firstBackoff the wait before the first retry, doubled for each further one
   */
  public ConnectorClient(
      HttpClient http, Optional<BotTokenProvider> tokens, int attempts, Duration firstBackoff) {
    this.http = http;
    this.tokens = tokens;
    this.retry = new Retry(attempts, firstBackoff, Retry.Sleeper.THREAD);
  }

  /**
   * Lets a delivery redone after a crash look in the conversation, through Graph, for the message a
   * crash may have let out unrecorded, instead of sending it again.
   */
  ConnectorClient readingBackThrough(GraphReplies graph) {
    this.graph = graph;
    return this;
  }

  /**
   * Replies to an activity; returns the id of the new activity (empty if the service gave none).
   */
  public String reply(
      String serviceUrl, String conversationId, String replyToId, ObjectNode activity)
      throws ConnectorException {
    return send(
        "POST", activityUri(serviceUrl, conversationId, replyToId), conversationId, activity);
  }

  /** Posts a new message in a conversation (not a reply), such as a welcome. */
  public String post(String serviceUrl, String conversationId, ObjectNode activity)
      throws ConnectorException {
    return send("POST", activityUri(serviceUrl, conversationId, null), conversationId, activity);
  }

  /**
   * Opens (or finds) the personal chat between the bot and a user, for messages nobody asked for;
   * returns its conversation id.
   */
  public String createConversation(
      String serviceUrl, String botId, String userBotFrameworkId, String tenantId)
      throws ConnectorException {
    ObjectNode request = JSON.createObjectNode();
    request.put("isGroup", false);
    request.putObject("bot").put("id", botId);
    request.putArray("members").addObject().put("id", userBotFrameworkId);
    request.put("tenantId", tenantId);
    request.putObject("channelData").putObject("tenant").put("id", tenantId);
    String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
    String id = send("POST", URI.create(base + "v3/conversations"), null, request);
    if (id.isEmpty()) {
      throw new ConnectorException("the Connector created a conversation but gave no id");
    }
    return id;
  }

  /** Replaces an activity the bot sent earlier, such as a card whose buttons were used. */
  public void update(
      String serviceUrl, String conversationId, String activityId, ObjectNode activity)
      throws ConnectorException {
    send("PUT", activityUri(serviceUrl, conversationId, activityId), conversationId, activity);
  }

  static URI activityUri(String serviceUrl, String conversationId, String activityId) {
    String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
    String path = "v3/conversations/" + encode(conversationId) + "/activities";
    if (activityId != null) {
      path += "/" + encode(activityId);
    }
    return URI.create(base + path);
  }

  /**
   * Sends {@code activity}. A POST puts a new message (or conversation) in the chat: it counts as
   * one of the delivery's messages and is skipped, returning the id recorded then, when a delivery
   * redone after a crash had already sent it. A PUT only replaces a card and is made again.
   */
  private String send(String method, URI uri, String conversationId, ObjectNode activity)
      throws ConnectorException {
    if (method.equals("POST")) {
      return DeliveryScope.newMessage(
          () -> post(uri, conversationId, activity),
          id -> id,
          id -> {
            log.info(
                "{} {} skipped: an earlier try of this delivery sent it", method, uri.getPath());
            return id.equals(DeliveryScope.NO_ID) ? "" : id;
          });
    }
    DeliveryScope.beforeSending();
    return attempt(method, uri, activity);
  }

  /**
   * Posts a new message of the current delivery, its card marked with the delivery and the
   * message's place in it. When a crash may have let this very message out without its id being
   * recorded, the conversation is read first (when Graph reading is on): found, its id is taken and
   * nothing is sent; otherwise it is sent again, since a duplicate is better than a loss.
   */
  private String post(URI uri, String conversationId, ObjectNode activity)
      throws ConnectorException {
    Optional<DeliveryScope.NextMessage> next = DeliveryScope.nextMessage();
    if (next.isEmpty()) {
      return attempt("POST", uri, activity);
    }
    Delivery delivery = next.get().delivery();
    String mark = next.get().mark();
    Optional<ObjectNode> marked = ReplyMarkers.marked(activity, mark);
    if (next.get().mayAlreadyBeOut()) {
      Optional<String> posted = postedBefore(delivery, conversationId, mark, marked.isPresent());
      if (posted.isPresent()) {
        return posted.get();
      }
    }
    return attempt("POST", uri, marked.orElse(activity));
  }

  /** The id of the marked message, when reading the conversation shows it already went out. */
  private Optional<String> postedBefore(
      Delivery delivery, String conversationId, String mark, boolean marked) {
    GraphReplies reader = graph;
    if (reader == null) {
      if (toldGraphIsOff.compareAndSet(false, true)) {
        log.info(
            "a Teams reply a crash interrupted is sent again, perhaps twice: the Bot Connector"
                + " cannot tell whether it went out (TEAMS_GRAPH_READ=true lets the coach read the"
                + " chat through Microsoft Graph)");
      }
      return Optional.empty();
    }
    String why;
    if (conversationId == null || !marked) {
      why = "it is no card posted in a conversation, so Graph cannot recognise it";
    } else {
      GraphReplies.Outcome outcome = reader.find(delivery, conversationId, mark);
      if (outcome instanceof GraphReplies.Outcome.Found found) {
        log.info(
            "Teams delivery {}: Graph shows message {} of its reply went out before the restart;"
                + " not sent again",
            delivery.id(),
            found.messageId());
        return Optional.of(found.messageId());
      }
      if (outcome instanceof GraphReplies.Outcome.NotFound) {
        log.info(
            "Teams delivery {}: Graph shows its interrupted reply did not go out; sending it",
            delivery.id());
        return Optional.empty();
      }
      why = ((GraphReplies.Outcome.CannotTell) outcome).why();
    }
    log.warn(
        "Teams delivery {}: cannot tell whether its interrupted reply went out ({}); sending it"
            + " again rather than risk losing it",
        delivery.id(),
        why);
    return Optional.empty();
  }

  private String attempt(String method, URI uri, ObjectNode activity) throws ConnectorException {
    String body = activity.toString();
    String operation =
        method + (uri.getPath().endsWith("/conversations") ? "_conversation" : "_activity");
    boolean tokenRefreshed = false;
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(20))
              .header("Content-Type", "application/json; charset=utf-8")
              .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (tokens.isPresent()) {
        request.header("Authorization", "Bearer " + tokens.get().token());
      }
      HttpResponse<String> response;
      try {
        response =
            ProcessorSlots.<HttpResponse<String>, IOException, InterruptedException>whileWaiting(
                () -> http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
      } catch (IOException e) {
        if (!retry.another(attempt)) {
          CoachMetrics.apiCall("teams", operation, "io_error");
          throw new ConnectorException(method + " " + uri + " failed: " + e.getMessage(), e);
        }
        CoachMetrics.apiRetry("teams", operation);
        pause(retry.backoff(attempt), uri);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectorException("interrupted while calling " + uri, e);
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        // Recorded first (DeliveryScope.newMessage): until then a crash would send it again.
        String id = createdId(response.body());
        CoachMetrics.apiCall("teams", operation, "ok");
        return id;
      }
      if (status == 401 && tokens.isPresent() && !tokenRefreshed) {
        tokens.get().invalidate(); // a token revoked or rotated early: get a new one, once
        tokenRefreshed = true;
        attempt--;
        continue;
      }
      boolean retriable = status == 429 || status >= 500;
      if (!retriable || !retry.another(attempt)) {
        CoachMetrics.apiCall("teams", operation, "http_" + status);
        throw new ConnectorException(
            method + " " + uri + " answered HTTP " + status + ": " + abbreviate(response.body()));
      }
      Duration wait = retry.after(attempt, response.headers().firstValue("Retry-After"));
      log.warn(
          "Bot Connector answered HTTP {} to {} {}; retrying in {}", status, method, uri, wait);
      CoachMetrics.apiRetry("teams", operation);
      pause(wait, uri);
    }
  }

  private void pause(Duration wait, URI uri) throws ConnectorException {
    try {
      retry.pause(wait);
    } catch (Retry.Interrupted e) {
      throw new ConnectorException("interrupted while waiting to retry " + uri, e);
    }
  }

  private static String createdId(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode json = JSON.readTree(body);
      return json.path("id").asText("");
    } catch (IOException e) {
      return "";
    }
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
