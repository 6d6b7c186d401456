package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Microsoft Graph and its token endpoint: the chats and channel threads it
 * shows are what the {@link FakeConnector} beside it accepted from the bot, as Teams would show
 * them (a personal chat under {@code 19:{user}_{app}@unq.gbl.spaces}, the card as a JSON string).
 * It records every request, pages by 50 with {@code @odata.nextLink}, honours the chat listing's
 * {@code $filter} on {@code lastModifiedDateTime}, and can be told to fail or to be slow.
 */
final class FakeGraph implements AutoCloseable {
  static final String TOKEN_PREFIX = "graph-token-";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request the coach made: its path (decoded), its query (decoded) and its bearer. */
  record Request(String method, String path, String query, String authorization) {}

  /** One token request: the tenant in its path and its form. */
  record TokenRequest(String tenant, Map<String, String> form) {}

  private final HttpServer server;
  private final FakeConnector connector;
  private final String appId;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
  private final Deque<Integer> scripted = new ArrayDeque<>();
  private final AtomicInteger tokens = new AtomicInteger();
  volatile Duration delay = Duration.ZERO;

  private FakeGraph(FakeConnector connector, String appId) throws IOException {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    this.connector = connector;
    this.appId = appId;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1.0/", this::graph);
    server.createContext("/", this::token);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  static FakeGraph start(FakeConnector connector, String appId) {
    try {
      return new FakeGraph(connector, appId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code TEAMS_GRAPH_URL}. */
  String graphUrl() {
    return base() + "/v1.0";
  }

  /** {@code TEAMS_GRAPH_TOKEN_URL}, with the tenant placeholder. */
  String tokenUrl() {
    return base() + "/{tenant}/oauth2/v2.0/token";
  }

  /** What a scripted 429 asks the caller to wait, in seconds. */
  static final long RETRY_AFTER_SECONDS = 7;

  /**
   * The next Graph reads answer these statuses, in order, before answering normally; a 429 carries
   * {@code Retry-After}.
   */
  void script(Integer... statuses) {
    synchronized (scripted) {
      scripted.addAll(List.of(statuses));
    }
  }

  List<Request> requests() {
    return new ArrayList<>(requests);
  }

  List<TokenRequest> tokenRequests() {
    return new ArrayList<>(tokenRequests);
  }

  private void token(HttpExchange exchange) throws IOException {
    String[] parts = exchange.getRequestURI().getPath().split("/");
    if (!exchange.getRequestMethod().equals("POST")
        || parts.length != 5
        || !exchange.getRequestURI().getPath().endsWith("/oauth2/v2.0/token")) {
      send(exchange, 404, "{}");
      return;
    }
    Map<String, String> form =
        decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    tokenRequests.add(new TokenRequest(parts[1], form));
    send(
        exchange,
        200,
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\""
            + TOKEN_PREFIX
            + tokens.incrementAndGet()
            + "\"}");
  }

  private void graph(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String path = URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8);
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            path,
            URLDecoder.decode(query, StandardCharsets.UTF_8),
            authorization));
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Integer status;
    synchronized (scripted) {
      status = scripted.poll();
    }
    if (status != null) {
      if (status == 429) {
        exchange.getResponseHeaders().add("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
      }
      send(
          exchange,
          status,
          "{\"error\":{\"code\":\""
              + (status == 403 ? "Forbidden" : "ServiceError")
              + "\",\"message\":\"scripted\"}}");
      return;
    }
    if (authorization == null || !authorization.startsWith("Bearer " + TOKEN_PREFIX)) {
      send(exchange, 401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}");
      return;
    }
    Map<String, String> params = decode(query);
    String[] parts = path.split("/");
    List<FakeConnector.Call> shown;
    if (parts.length == 5 && parts[2].equals("chats") && parts[4].equals("messages")) {
      shown = inChat(parts[3]);
      String filter = params.getOrDefault("$filter", "");
      if (filter.startsWith("lastModifiedDateTime gt ")) {
        Instant since = Instant.parse(filter.substring("lastModifiedDateTime gt ".length()));
        shown = shown.stream().filter(c -> c.receivedAt().isAfter(since)).toList();
      }
    } else if (parts.length == 9 && parts[2].equals("teams") && parts[8].equals("replies")) {
      shown = inConversation(parts[5] + ";messageid=" + parts[7]);
    } else {
      send(exchange, 404, "{\"error\":{\"code\":\"NotFound\"}}");
      return;
    }
    int top = Integer.parseInt(params.getOrDefault("$top", "20"));
    int skip = Integer.parseInt(params.getOrDefault("$skiptoken", "0"));
    ObjectNode page = JSON.createObjectNode();
    ArrayNode value = page.putArray("value");
    shown.stream().skip(skip).limit(top).forEach(call -> value.add(message(call)));
    if (skip + top < shown.size()) {
      String rest = query.replaceAll("&?\\$skiptoken=\\d+", "");
      page.put(
          "@odata.nextLink",
          base() + uri.getRawPath() + "?" + rest + "&$skiptoken=" + (skip + top));
    }
    send(exchange, 200, page.toString());
  }

  /** The bot's messages in the chat with Graph id {@code chatId}, newest first. */
  private List<FakeConnector.Call> inChat(String chatId) {
    return posts().stream()
        .filter(call -> chatId.equals(chatOf(call)))
        .sorted(Comparator.comparing(FakeConnector.Call::receivedAt).reversed())
        .toList();
  }

  private List<FakeConnector.Call> inConversation(String conversationId) {
    return posts().stream()
        .filter(call -> conversationId.equals(conversationOf(call)))
        .sorted(Comparator.comparing(FakeConnector.Call::receivedAt).reversed())
        .toList();
  }

  private List<FakeConnector.Call> posts() {
    return connector.delivered().stream()
        .filter(call -> call.method().equals("POST"))
        .filter(call -> call.path().contains("/activities"))
        .toList();
  }

  /** The Graph chat a post went to: a personal chat is named after the person and the app. */
  private String chatOf(FakeConnector.Call call) {
    String conversation = conversationOf(call);
    if (conversation.startsWith("a:")) {
      return "19:"
          + call.body().path("recipient").path("aadObjectId").asText()
          + "_"
          + appId
          + "@unq.gbl.spaces";
    }
    int thread = conversation.indexOf(";messageid=");
    return thread < 0 ? conversation : conversation.substring(0, thread);
  }

  private static String conversationOf(FakeConnector.Call call) {
    String rest = call.path().substring(call.path().indexOf("/v3/conversations/") + 18);
    return rest.substring(0, rest.indexOf("/activities"));
  }

  private ObjectNode message(FakeConnector.Call call) {
    ObjectNode message = JSON.createObjectNode();
    message.put("id", call.id());
    message.put("messageType", "message");
    message.put("createdDateTime", call.receivedAt().toString());
    message.put("lastModifiedDateTime", call.receivedAt().toString());
    message
        .putObject("from")
        .putObject("application")
        .put("id", appId)
        .put("displayName", "Scaling Coach");
    ArrayNode attachments = message.putArray("attachments");
    StringBuilder html = new StringBuilder();
    int n = 0;
    for (JsonNode attachment : call.body().path("attachments")) {
      String id = "att-" + call.id() + "-" + n++;
      attachments
          .addObject()
          .put("id", id)
          .put("contentType", attachment.path("contentType").asText())
          // Graph gives a card as a string of JSON, not as an object.
          .put("content", attachment.path("content").toString());
      html.append("<attachment id=\"").append(id).append("\"></attachment>");
    }
    message
        .putObject("body")
        .put("contentType", "html")
        .put("content", html.isEmpty() ? call.body().path("text").asText() : html.toString());
    return message;
  }

  private static Map<String, String> decode(String form) {
    Map<String, String> values = new HashMap<>();
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    FakeConnector.send(exchange, status, body);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
