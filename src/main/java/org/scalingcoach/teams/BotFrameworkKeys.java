package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys of the Bot Framework, found through its OpenID metadata ({@code jwks_uri}) and
 * kept with the channels each key is endorsed for. Keys are cached; an unknown key id triggers a
 * refetch, at most once per {@code refetchInterval}, so forged key ids cannot flood Microsoft.
 */
public final class BotFrameworkKeys {
  private static final Logger log = LoggerFactory.getLogger(BotFrameworkKeys.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration MAX_AGE = Duration.ofHours(24);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration RETRY_FAILED_LOAD = Duration.ofSeconds(10);

  /**
   * An RSA public key and the channel ids ({@code msteams}, {@code webchat}, …) it may sign for.
   */
  public record EndorsedKey(RSAKey key, Set<String> endorsements) {
    public EndorsedKey {
      endorsements = Set.copyOf(endorsements);
    }
  }

  private final HttpClient http;
  private final URI metadataUrl;
  private final Duration refetchInterval;
  private final Clock clock;
  private Map<String, EndorsedKey> keys = Map.of();
  private Instant fetchedAt;
  private Instant lastAttempt;
  private Instant lastUnknownKeyRefetch;

  public BotFrameworkKeys(HttpClient http, URI metadataUrl, Duration refetchInterval, Clock clock) {
    this.http = http;
    this.metadataUrl = metadataUrl;
    this.refetchInterval = refetchInterval;
    this.clock = clock;
  }

  /** The key with this id, fetching the key set first if needed and allowed. */
  public synchronized Optional<EndorsedKey> find(String keyId) throws AuthenticationException {
    Instant now = clock.instant();
    boolean stale = fetchedAt == null || fetchedAt.plus(MAX_AGE).isBefore(now);
    if (stale && (lastAttempt == null || !lastAttempt.plus(RETRY_FAILED_LOAD).isAfter(now))) {
      refresh(now);
    } else if (!keys.containsKey(keyId)
        && (lastUnknownKeyRefetch == null
            || !lastUnknownKeyRefetch.plus(refetchInterval).isAfter(now))) {
      lastUnknownKeyRefetch = now; // Microsoft may have rotated its keys since we loaded them
      refresh(now);
    }
    return Optional.ofNullable(keys.get(keyId));
  }

  private void refresh(Instant now) throws AuthenticationException {
    lastAttempt = now;
    try {
      JsonNode metadata = getJson(metadataUrl);
      String jwksUri = metadata.path("jwks_uri").asText("");
      if (jwksUri.isEmpty()) {
        throw new AuthenticationException("OpenID metadata at " + metadataUrl + " has no jwks_uri");
      }
      keys = parseKeys(getJson(URI.create(jwksUri)));
      fetchedAt = now;
      log.info("Bot Framework signing keys loaded: {} keys from {}", keys.size(), jwksUri);
    } catch (IOException | IllegalArgumentException e) {
      log.error("cannot load Bot Framework signing keys from {}", metadataUrl, e);
      throw new AuthenticationException("signing keys unavailable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthenticationException("interrupted while loading signing keys", e);
    }
  }

  private JsonNode getJson(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  static Map<String, EndorsedKey> parseKeys(JsonNode jwks) {
    Map<String, EndorsedKey> parsed = new HashMap<>();
    for (JsonNode node : jwks.path("keys")) {
      try {
        JWK jwk = JWK.parse(node.toString());
        if (!(jwk instanceof RSAKey rsa) || rsa.getKeyID() == null) {
          continue; // only RS256 is accepted, so only RSA keys with an id are useful
        }
        Set<String> endorsements = new HashSet<>();
        node.path("endorsements").forEach(e -> endorsements.add(e.asText()));
        parsed.put(rsa.getKeyID(), new EndorsedKey(rsa, endorsements));
      } catch (ParseException e) {
        log.warn("skipping a signing key that cannot be parsed: {}", e.getMessage());
      }
    }
    return Map.copyOf(parsed);
  }
}
