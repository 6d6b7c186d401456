package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.scalingcoach.config.TeamsGraphSettings;
import org.scalingcoach.delivery.Delivery;
import org.scalingcoach.delivery.ProcessorSlots;
import org.scalingcoach.delivery.Retry;
import org.scalingcoach.metrics.CoachMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a Teams conversation back through Microsoft Graph to find a card the coach posted whose
 * activity id a crash kept from being recorded: the Bot Connector cannot list what a bot posted,
 * Graph can. A personal chat is read as {@code /chats/19:{user's Entra id}_{app id}@unq.gbl.spaces}
 * (its Bot Framework id {@code a:…} is no Graph id), a group chat by its own id, a channel thread
 * as the replies to its first message. Reading needs the Entra app's consent: in teams and group
 * chats the resource-specific permissions of the app manifest, in personal chats the application
 * permission {@code Chat.Read.WhereInstalled}. A throttled or failed read (429, 5xx, a dropped
 * connection) is tried again after the wait Graph asks for in {@code Retry-After}, else after a
 * backoff; a read that timed out is not, as its time is what the caller was willing to wait.
 */
final class GraphReplies {
  private static final Logger log = LoggerFactory.getLogger(GraphReplies.class);
  static final String SCOPE = "https://graph.microsoft.com/.default";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Graph's largest page of chat messages. */
  private static final int PAGE = 50;

  /** How many pages are read before giving up: the reply is among the chat's newest messages. */
  static final int MAX_PAGES = 10;

  /** How much earlier than the person's message the reply is looked for (clock differences). */
  private static final Duration SLACK = Duration.ofMinutes(5);

  /** What reading the conversation told. */
  sealed interface Outcome {
    /** The card was posted: Teams' id of the message. */
    record Found(String messageId) implements Outcome {}

    /** The conversation was read and the card is not in it. */
    record NotFound() implements Outcome {}

    /** The conversation could not be read; {@code why} says what to fix. */
    record CannotTell(String why) implements Outcome {}
  }

  private final HttpClient http;
  private final TeamsGraphSettings settings;
  private final String appId;
  private final String appPassword;
  private final Clock clock;
  private final Duration timeout;
  private final Retry retry;
  private final Map<String, BotTokenProvider> tokens = new ConcurrentHashMap<>();

  /**
   * @param timeout how long one Graph call may take before the coach gives up and sends again
   * @param retry how throttled and failed reads are tried again
   */
  GraphReplies(
      HttpClient http,
      TeamsGraphSettings settings,
      String appId,
      String appPassword,
      Clock clock,
      Duration timeout,
      Retry retry) {
    this.retry = retry;
    this.http = http;
    this.settings = settings;
    this.appId = appId;
    this.appPassword = appPassword;
    this.clock = clock;
    this.timeout = timeout;
  }

  /**
   * Looks in {@code conversationId}, the conversation {@code delivery} came from, for a card the
   * bot posted carrying {@code mark}.
   */
  Outcome find(Delivery delivery, String conversationId, String mark) {
    if (!TeamsMessagesServlet.PLATFORM.equals(delivery.platform())) {
      return new Outcome.CannotTell(
          "the message answers a " + delivery.platform() + " delivery, not a Teams conversation");
    }
    TeamsActivity activity;
    try {
      activity = new TeamsActivity(JSON.readTree(delivery.payload()));
    } catch (IOException e) {
      return new Outcome.CannotTell("the stored activity is not JSON");
    }
    if (!base(conversationId).equals(base(activity.conversationId()))) {
      return new Outcome.CannotTell("the message went to another conversation than the activity's");
    }
    if (activity.tenantId().isEmpty()) {
      return new Outcome.CannotTell("the activity names no tenant to get a Graph token for");
    }
    Instant since = since(activity);
    URI first;
    try {
      first = firstPage(activity, conversationId, since);
    } catch (IllegalStateException e) {
      return new Outcome.CannotTell(e.getMessage());
    }
    return search(activity.tenantId(), first, mark, since);
  }

  /** The first page to read: the newest messages of the chat, or of the channel thread. */
  private URI firstPage(TeamsActivity activity, String conversationId, Instant since) {
    String graph = base();
    return switch (activity.conversationType()) {
      case "personal" -> {
        String user = activity.json().path("from").path("aadObjectId").asText("");
        if (user.isEmpty()) {
          throw new IllegalStateException(
              "Teams gave no Entra id for the person, so the personal chat's Graph id is unknown");
        }
        yield chat(graph, "19:" + user + "_" + appId + "@unq.gbl.spaces", since);
      }
      case "groupChat" -> chat(graph, base(conversationId), since);
      default -> {
        JsonNode data = activity.json().path("channelData");
        String team = data.path("team").path("aadGroupId").asText("");
        String channel = data.path("channel").path("id").asText(base(conversationId));
        if (team.isEmpty()) {
          throw new IllegalStateException("Teams gave no team id (channelData.team.aadGroupId)");
        }
        String root = rootMessage(conversationId);
        String messages =
            graph + "/teams/" + encode(team) + "/channels/" + encode(channel) + "/messages";
        String top = "?$top=" + PAGE;
        yield URI.create(
            root.isEmpty() ? messages + top : messages + "/" + encode(root) + "/replies" + top);
      }
    };
  }

  private static URI chat(String graph, String chatId, Instant since) {
    String url =
        graph
            + "/chats/"
            + encode(chatId)
            + "/messages?$top="
            + PAGE
            + "&$orderby=lastModifiedDateTime%20desc";
    if (since != null) {
      // Graph filters on lastModifiedDateTime only when it also orders by it.
      url += "&$filter=lastModifiedDateTime%20gt%20" + since.truncatedTo(ChronoUnit.SECONDS);
    }
    return URI.create(url);
  }

  private Outcome search(String tenant, URI page, String mark, Instant since) {
    for (int read = 0; read < MAX_PAGES; read++) {
      JsonNode body;
      try {
        body = get(tenant, page);
      } catch (GraphFailed e) {
        return new Outcome.CannotTell(e.getMessage());
      }
      boolean older = false;
      for (JsonNode message : body.path("value")) {
        if (fromThisBot(message) && carries(message, mark)) {
          return new Outcome.Found(message.path("id").asText());
        }
        older |= since != null && createdBefore(message, since);
      }
      String next = body.path("@odata.nextLink").asText("");
      if (next.isEmpty() || older) {
        return new Outcome.NotFound(); // newest first: what follows is older than the question
      }
      if (!next.startsWith(base() + "/")) {
        return new Outcome.CannotTell("Graph pointed to a next page elsewhere: " + next);
      }
      page = URI.create(next);
    }
    return new Outcome.CannotTell(
        "the conversation has more than " + MAX_PAGES * PAGE + " newer messages to look through");
  }

  private JsonNode get(String tenant, URI uri) throws GraphFailed {
    BotTokenProvider token =
        tokens.computeIfAbsent(
            tenant,
            t ->
                new BotTokenProvider(http, settings.tokenUrl(t), appId, appPassword, clock, SCOPE));
    boolean tokenRefreshed = false;
    for (int attempt = 1; ; attempt++) {
      HttpRequest request;
      try {
        request =
            HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.token())
                .GET()
                .build();
      } catch (ConnectorException e) {
        throw new GraphFailed("no Graph token: " + e.getMessage());
      }
      HttpResponse<String> response;
      try {
        response =
            ProcessorSlots.<HttpResponse<String>, IOException, InterruptedException>whileWaiting(
                () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
      } catch (HttpTimeoutException e) {
        throw new GraphFailed("Graph did not answer GET " + uri.getPath() + ": " + e);
      } catch (IOException e) {
        if (!retry.another(attempt)) {
          throw new GraphFailed("Graph did not answer GET " + uri.getPath() + ": " + e);
        }
        pause(retry.backoff(attempt), uri, "no answer (" + e.getMessage() + ")");
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GraphFailed("interrupted while reading " + uri.getPath());
      }
      int status = response.statusCode();
      if (status == 200) {
        try {
          return JSON.readTree(response.body());
        } catch (IOException e) {
          throw new GraphFailed("Graph answered GET " + uri.getPath() + " with no JSON");
        }
      }
      if (status == 401 && !tokenRefreshed) {
        token.invalidate(); // revoked or rotated early: one more try with a new token
        tokenRefreshed = true;
        attempt--;
        continue;
      }
      if ((status == 429 || status >= 500) && retry.another(attempt)) {
        Duration wait = retry.after(attempt, response.headers().firstValue("Retry-After"));
        pause(wait, uri, "HTTP " + status);
        continue;
      }
      throw new GraphFailed(
          "Graph answered HTTP "
              + status
              + " to GET "
              + uri.getPath()
              + (status == 403
                  ? " (consent missing: the manifest's resource-specific permissions from"
                      + " teams-package --graph-read for teams and group chats,"
                      + " Chat.Read.WhereInstalled for personal chats)"
                  : "")
              + ": "
              + abbreviate(response.body()));
    }
  }

  private void pause(Duration wait, URI uri, String why) throws GraphFailed {
    log.warn("Graph answered {} to GET {}; reading again in {}", why, uri.getPath(), wait);
    CoachMetrics.apiRetry("graph", "get_messages");
    try {
      retry.pause(wait);
    } catch (Retry.Interrupted e) {
      throw new GraphFailed("interrupted while waiting to read " + uri.getPath() + " again");
    }
  }

  private boolean fromThisBot(JsonNode message) {
    String app = message.path("from").path("application").path("id").asText("");
    return app.equals(appId) || app.equals("28:" + appId);
  }

  private static boolean carries(JsonNode message, String mark) {
    for (JsonNode attachment : message.path("attachments")) {
      if (TeamsCards.CONTENT_TYPE.equals(attachment.path("contentType").asText())) {
        JsonNode content = attachment.path("content");
        String json = content.isTextual() ? content.asText() : content.toString();
        if (ReplyMarkers.carries(json, mark)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean createdBefore(JsonNode message, Instant since) {
    Instant created = instant(message.path("createdDateTime").asText(""));
    return created != null && created.isBefore(since);
  }

  /** Somewhat before the person's message: the coach's reply cannot be older. */
  private static Instant since(TeamsActivity activity) {
    Instant sent = instant(activity.json().path("timestamp").asText(""));
    return sent == null ? null : sent.minus(SLACK);
  }

  private static Instant instant(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private String base() {
    String url = settings.graphUrl().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** A conversation id without the thread it names in a channel ({@code ;messageid=…}). */
  private static String base(String conversationId) {
    int thread = conversationId.indexOf(";messageid=");
    return thread < 0 ? conversationId : conversationId.substring(0, thread);
  }

  private static String rootMessage(String conversationId) {
    int thread = conversationId.indexOf(";messageid=");
    return thread < 0 ? "" : conversationId.substring(thread + ";messageid=".length());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  private static final class GraphFailed extends Exception {
    GraphFailed(String message) {
      super(message);
    }
  }
}
