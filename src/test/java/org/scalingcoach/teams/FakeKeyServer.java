package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Bot Framework's login service: OpenID metadata, a JWKS whose keys carry
 * channel endorsements, and a signer for tokens as the Bot Framework would issue them.
 */
final class FakeKeyServer implements AutoCloseable {
  static final String APP_ID = "6a7c2e48-0d21-4c5f-9b8e-3f1d2a9c7e10";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<ObjectNode> published = new ArrayList<>();
  private final AtomicInteger metadataFetches = new AtomicInteger();
  private final AtomicInteger keyFetches = new AtomicInteger();
  final RSAKey signingKey;

  private FakeKeyServer() throws IOException {
    signingKey = newKey("bf-key-1");
    publish(signingKey, List.of("msteams", "webchat", "emulator"));
    // Without it the JDK server leaves Nagle's algorithm on: a reply written in two parts waits
    // ~40 ms for the client's delayed ACK, which Slack's and Microsoft's servers do not make anyone
    // do.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/.well-known/openidconfiguration",
        exchange -> {
          metadataFetches.incrementAndGet();
          ObjectNode metadata = JSON.createObjectNode();
          metadata.put("issuer", "https://api.botframework.com");
          metadata.put("jwks_uri", base() + "/v1/.well-known/keys");
          metadata.putArray("id_token_signing_alg_values_supported").add("RS256");
          send(exchange, metadata.toString());
        });
    server.createContext(
        "/v1/.well-known/keys",
        exchange -> {
          keyFetches.incrementAndGet();
          ObjectNode jwks = JSON.createObjectNode();
          ArrayNode keys = jwks.putArray("keys");
          synchronized (published) {
            keys.addAll(published);
          }
          send(exchange, jwks.toString());
        });
    server.start();
  }

  static FakeKeyServer start() {
    try {
      return new FakeKeyServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI metadataUrl() {
    return URI.create(base() + "/v1/.well-known/openidconfiguration");
  }

  /** How many times the key set was downloaded. */
  int keyFetches() {
    return keyFetches.get();
  }

  /** Adds a public key to the key set, endorsed for the given channels. */
  void publish(RSAKey key, List<String> endorsements) {
    ObjectNode node = JSON.valueToTree(key.toPublicJWK().toJSONObject());
    node.put("use", "sig");
    ArrayNode endorsed = node.putArray("endorsements");
    endorsements.forEach(endorsed::add);
    synchronized (published) {
      published.removeIf(k -> k.path("kid").asText().equals(key.getKeyID()));
      published.add(node);
    }
  }

  static RSAKey newKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The claims of a valid Bot Framework token for this app and service URL. */
  static JWTClaimsSet.Builder validClaims(String serviceUrl) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer("https://api.botframework.com")
        .audience(APP_ID)
        .issueTime(Date.from(now.minusSeconds(60)))
        .notBeforeTime(Date.from(now.minusSeconds(60)))
        .expirationTime(Date.from(now.plusSeconds(3600)))
        .claim("serviceurl", serviceUrl);
  }

  /** A bearer header carrying a token signed by the published key. */
  String bearer(JWTClaimsSet claims) {
    return "Bearer " + sign(signingKey, JWSAlgorithm.RS256, claims);
  }

  String bearerFor(String serviceUrl) {
    return bearer(validClaims(serviceUrl).build());
  }

  static String sign(RSAKey key, JWSAlgorithm algorithm, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void send(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
