package org.scalingcoach.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.scalingcoach.guard.Untrusted;

/**
 * Checks that a request to {@code /api/messages} really comes from the Bot Framework for this bot:
 * an RS256 token signed by a Bot Framework key endorsed for the activity's channel, issued by
 * {@code https://api.botframework.com} to this app id, within its validity (5 minutes' skew), for
 * the activity's service URL.
 */
public final class BotFrameworkAuthenticator {
  static final String ISSUER = "https://api.botframework.com";
  static final Duration SKEW = Duration.ofMinutes(5);

  private final String appId;
  private final BotFrameworkKeys keys;
  private final boolean emulatorMode;
  private final Clock clock;
  private final VerifiedTokens verified = new VerifiedTokens();
  private final java.util.concurrent.atomic.AtomicLong signatureChecks =
      new java.util.concurrent.atomic.AtomicLong();

  public BotFrameworkAuthenticator(
      String appId, BotFrameworkKeys keys, boolean emulatorMode, Clock clock) {
    this.appId = appId;
    this.keys = keys;
    this.emulatorMode = emulatorMode;
    this.clock = clock;
  }

  /** A token whose signature, issuer, audience and validity were checked; its key's channels. */
  public record VerifiedToken(JWTClaimsSet claims, java.util.Set<String> endorsements) {
    /** No token at all, accepted only from the local Emulator in emulator mode. */
    static final VerifiedToken EMULATOR = new VerifiedToken(null, java.util.Set.of());
  }

  /**
   * Returns normally when the request may be processed.
   *
   * @param authorization the {@code Authorization} header, possibly null
   * @param channelId the activity's {@code channelId}
   * @param serviceUrl the activity's {@code serviceUrl}
   */
  public void authenticate(String authorization, String channelId, String serviceUrl)
      throws AuthenticationException {
    checkActivity(verifyToken(authorization), channelId, serviceUrl);
  }

  /**
   * Checks the bearer token alone, so that an unauthenticated body is never parsed: signature by a
   * published key, RS256, issuer, audience, expiry. Values from the token appear in the message
   * escaped.
   */
  public VerifiedToken verifyToken(String authorization) throws AuthenticationException {
    if (authorization == null || authorization.isBlank()) {
      if (emulatorMode) {
        return VerifiedToken.EMULATOR; // the Emulator without credentials sends no token
      }
      throw new AuthenticationException("no Authorization header");
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new AuthenticationException("Authorization is not a bearer token");
    }
    String token = authorization.substring(7).strip();
    Optional<VerifiedToken> known = fromCache(token);
    if (known.isPresent()) {
      return known.get();
    }
    SignedJWT jwt = parse(token);
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new AuthenticationException(
          "token algorithm " + Untrusted.forLog(jwt.getHeader().getAlgorithm()) + " is not RS256");
    }
    String keyId = jwt.getHeader().getKeyID();
    if (keyId == null) {
      throw new AuthenticationException("token has no key id");
    }
    BotFrameworkKeys.EndorsedKey key =
        keys.find(keyId)
            .orElseThrow(
                () ->
                    new AuthenticationException("unknown signing key " + Untrusted.forLog(keyId)));
    verifySignature(jwt, key);
    JWTClaimsSet claims = claims(jwt);
    checkClaims(claims);
    verified.remember(
        token,
        new VerifiedTokens.Entry(
            claims, keyId, key.key(), claims.getExpirationTime().toInstant().plus(SKEW)),
        clock.instant());
    return new VerifiedToken(claims, java.util.Set.copyOf(key.endorsements()));
  }

  /**
   * A token identical to one verified before, still within its validity and signed by a key still
   * published under the same id, with that key's current endorsements.
   */
  private Optional<VerifiedToken> fromCache(String token) throws AuthenticationException {
    Optional<VerifiedTokens.Entry> entry = verified.find(token, clock.instant());
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    Optional<BotFrameworkKeys.EndorsedKey> key = keys.find(entry.get().keyId());
    if (key.isEmpty() || !key.get().key().equals(entry.get().key())) {
      verified.forget(token);
      return Optional.empty();
    }
    return Optional.of(new VerifiedToken(entry.get().claims(), key.get().endorsements()));
  }

  /** How many token signatures were checked (not answered from the cache). */
  long signatureChecks() {
    return signatureChecks.get();
  }

  /** Checks that a verified token was issued for this activity's channel and service URL. */
  public void checkActivity(VerifiedToken token, String channelId, String serviceUrl)
      throws AuthenticationException {
    if (token == VerifiedToken.EMULATOR) {
      if (!isLocal(serviceUrl)) {
        throw new AuthenticationException("no Authorization header");
      }
      return;
    }
    if (channelId == null || !token.endorsements().contains(channelId)) {
      throw new AuthenticationException(
          "signing key is not endorsed for channel " + Untrusted.forLog(channelId));
    }
    Object claimedServiceUrl = token.claims().getClaim("serviceurl");
    if (serviceUrl == null || !serviceUrl.equals(claimedServiceUrl)) {
      throw new AuthenticationException(
          "token serviceurl "
              + Untrusted.forLog(claimedServiceUrl)
              + " is not the activity's "
              + Untrusted.forLog(serviceUrl));
    }
  }

  private static SignedJWT parse(String token) throws AuthenticationException {
    try {
      JWT jwt = JWTParser.parse(token);
      if (jwt instanceof SignedJWT signed) {
        return signed;
      }
      throw new AuthenticationException("token is not signed");
    } catch (ParseException e) {
      throw new AuthenticationException("token cannot be parsed", e);
    }
  }

  private void verifySignature(SignedJWT jwt, BotFrameworkKeys.EndorsedKey key)
      throws AuthenticationException {
    signatureChecks.incrementAndGet();
    try {
      if (!jwt.verify(new RSASSAVerifier(key.key().toRSAPublicKey()))) {
        throw new AuthenticationException("bad token signature");
      }
    } catch (JOSEException e) {
      throw new AuthenticationException("token signature cannot be verified", e);
    }
  }

  private static JWTClaimsSet claims(SignedJWT jwt) throws AuthenticationException {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AuthenticationException("token claims cannot be parsed", e);
    }
  }

  private void checkClaims(JWTClaimsSet claims) throws AuthenticationException {
    if (!ISSUER.equals(claims.getIssuer())) {
      throw new AuthenticationException(
          "token issuer " + Untrusted.forLog(claims.getIssuer()) + " is not " + ISSUER);
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(appId)) {
      throw new AuthenticationException(
          "token audience " + Untrusted.forLog(claims.getAudience()) + " is not us");
    }
    Instant now = clock.instant();
    Date expiry = claims.getExpirationTime();
    if (expiry == null || !expiry.toInstant().plus(SKEW).isAfter(now)) {
      throw new AuthenticationException("token expired at " + expiry);
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && notBefore.toInstant().minus(SKEW).isAfter(now)) {
      throw new AuthenticationException("token not valid before " + notBefore);
    }
  }

  private static boolean isLocal(String serviceUrl) {
    try {
      String host = serviceUrl == null ? null : URI.create(serviceUrl).getHost();
      return host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (IllegalArgumentException | UnknownHostException e) {
      return false;
    }
  }
}
