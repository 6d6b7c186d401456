package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.scalingcoach.delivery.ProcessorSlots;

/**
 * The bot's own access token for the Bot Connector (or, with another scope, for Microsoft Graph),
 * obtained with the client-credentials grant and reused until shortly before it expires, so many
 * replies cost one token request.
 */
public final class BotTokenProvider {
  static final String SCOPE = "https://api.botframework.com/.default";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

  private final HttpClient http;
  private final URI tokenUrl;
  private final String appId;
  private final String appPassword;
  private final Clock clock;
  private final String scope;
  private String token;
  private Instant renewAt = Instant.MIN;

  public BotTokenProvider(
      HttpClient http, URI tokenUrl, String appId, String appPassword, Clock clock) {
    this(http, tokenUrl, appId, appPassword, clock, SCOPE);
  }

  /**
   * The same credentials' token for another resource, such as {@code
   * https://graph.microsoft.com/.default}.
   */
  BotTokenProvider(
      HttpClient http, URI tokenUrl, String appId, String appPassword, Clock clock, String scope) {
    this.http = http;
    this.tokenUrl = tokenUrl;
    this.appId = appId;
    this.appPassword = appPassword;
    this.clock = clock;
    this.scope = scope;
  }

  /** A valid token, requested only when none is cached or the cached one is about to expire. */
  public synchronized String token() throws ConnectorException {
    if (token != null && clock.instant().isBefore(renewAt)) {
      return token;
    }
    String form =
        "grant_type=client_credentials&client_id="
            + encode(appId)
            + "&client_secret="
            + encode(appPassword)
            + "&scope="
            + encode(scope);
    HttpRequest request =
        HttpRequest.newBuilder(tokenUrl)
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> response =
          ProcessorSlots.<HttpResponse<String>, IOException, InterruptedException>whileWaiting(
              () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
      if (response.statusCode() != 200) {
        throw new ConnectorException(
            "the token endpoint "
                + tokenUrl
                + " refused the bot's credentials (HTTP "
                + response.statusCode()
                + "); check TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID");
      }
      JsonNode body = JSON.readTree(response.body());
      String accessToken = body.path("access_token").asText("");
      if (accessToken.isEmpty()) {
        throw new ConnectorException(
            "the token endpoint " + tokenUrl + " returned no access_token");
      }
      long expiresIn = body.path("expires_in").asLong(3600);
      token = accessToken;
      renewAt = clock.instant().plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY);
      return token;
    } catch (IOException e) {
      throw new ConnectorException("cannot reach the token endpoint " + tokenUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException("interrupted while requesting a token", e);
    }
  }

  /** Forgets the cached token, after the Connector refused it. */
  public synchronized void invalidate() {
    token = null;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
