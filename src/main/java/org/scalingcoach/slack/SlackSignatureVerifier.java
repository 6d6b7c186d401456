package org.scalingcoach.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature, checked on the raw bytes before anything parses or logs the body:
 * {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}, with the timestamp within
 * five minutes of now in either direction.
 */
public final class SlackSignatureVerifier {
  /** How far a request's timestamp may be from now, into the past or the future. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private static final int MAX_TIMESTAMP_DIGITS = 12;

  private final byte[] secret;
  private final Clock clock;

  public SlackSignatureVerifier(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isEmpty()) {
      throw new IllegalArgumentException("a signing secret is needed to verify Slack requests");
    }
    this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /**
   * Why the request must be refused, or empty when it is Slack's. The reason is our own words,
   * never an echo of the request, so it is safe to log.
   */
  public Optional<String> refusal(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null) {
      return Optional.of("no signature headers");
    }
    if (timestamp.isEmpty()
        || timestamp.length() > MAX_TIMESTAMP_DIGITS
        || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of("the timestamp is not a number of seconds");
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
    if (skew > WINDOW.toSeconds()) {
      return Optional.of("the timestamp is " + skew + " s from now, more than 5 minutes");
    }
    byte[] expected = ("v0=" + HexFormat.of().formatHex(mac(timestamp, body))).getBytes();
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
      return Optional.of("the signature does not match");
    }
    return Optional.empty();
  }

  private byte[] mac(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }
}
