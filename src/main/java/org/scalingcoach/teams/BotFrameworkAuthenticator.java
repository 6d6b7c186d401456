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

  public BotFrameworkAuthenticator(
      String appId, BotFrameworkKeys keys, boolean emulatorMode, Clock clock) {
    this.appId = appId;
    this.keys = keys;
    this.emulatorMode = emulatorMode;
    this.clock = clock;
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
    if (authorization == null || authorization.isBlank()) {
      if (emulatorMode && isLocal(serviceUrl)) {
        return; // the Emulator without credentials sends no token and listens on this machine
      }
      throw new AuthenticationException("no Authorization header");
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new AuthenticationException("Authorization is not a bearer token");
    }
    SignedJWT jwt = parse(authorization.substring(7).strip());
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new AuthenticationException(
          "token algorithm " + jwt.getHeader().getAlgorithm() + " is not RS256");
    }
    String keyId = jwt.getHeader().getKeyID();
    if (keyId == null) {
      throw new AuthenticationException("token has no key id");
    }
    BotFrameworkKeys.EndorsedKey key =
        keys.find(keyId)
            .orElseThrow(() -> new AuthenticationException("unknown signing key " + keyId));
    if (channelId == null || !key.endorsements().contains(channelId)) {
      throw new AuthenticationException(
          "signing key " + keyId + " is not endorsed for channel " + channelId);
    }
    verifySignature(jwt, key);
    checkClaims(claims(jwt), serviceUrl);
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

  private static void verifySignature(SignedJWT jwt, BotFrameworkKeys.EndorsedKey key)
      throws AuthenticationException {
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

  private void checkClaims(JWTClaimsSet claims, String serviceUrl) throws AuthenticationException {
    if (!ISSUER.equals(claims.getIssuer())) {
      throw new AuthenticationException("token issuer " + claims.getIssuer() + " is not " + ISSUER);
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(appId)) {
      throw new AuthenticationException("token audience " + claims.getAudience() + " is not us");
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
    Object claimedServiceUrl = claims.getClaim("serviceurl");
    if (serviceUrl == null || !serviceUrl.equals(claimedServiceUrl)) {
      throw new AuthenticationException(
          "token serviceurl " + claimedServiceUrl + " is not the activity's " + serviceUrl);
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
