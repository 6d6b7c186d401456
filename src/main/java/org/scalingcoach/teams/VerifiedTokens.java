package org.scalingcoach.teams;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bot Framework tokens whose RS256 signature was already checked, keyed by the whole token text.
 * The Bot Framework sends the same token with every activity for about an hour, and the signature
 * check was about 40% of the Teams acknowledgement. Only a token identical to a verified one hits,
 * only until its expiry (with the same skew as the first check), and only while the key that signed
 * it is still published under its id: a rotated-out key ends its tokens' hits.
 */
final class VerifiedTokens {
  /** Far more than the tokens in use at once (one a bot, renewed hourly); bounds the memory. */
  static final int MAX = 1_000;

  /** A verified token: its claims, the key that signed it, and until when it may be accepted. */
  record Entry(JWTClaimsSet claims, String keyId, RSAKey key, Instant acceptUntil) {}

  private final Map<String, Entry> byToken = new ConcurrentHashMap<>();

  /** The entry of {@code token} if it is still acceptable at {@code now}. */
  Optional<Entry> find(String token, Instant now) {
    Entry entry = byToken.get(token);
    if (entry == null) {
      return Optional.empty();
    }
    if (!entry.acceptUntil().isAfter(now)) {
      byToken.remove(token, entry);
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  void remember(String token, Entry entry, Instant now) {
    if (byToken.size() >= MAX) {
      byToken.values().removeIf(e -> !e.acceptUntil().isAfter(now));
      if (byToken.size() >= MAX) {
        byToken.clear(); // only ever refilled by tokens that verify; no reason to be clever
      }
    }
    byToken.put(token, entry);
  }

  void forget(String token) {
    byToken.remove(token);
  }

  int size() {
    return byToken.size();
  }
}
