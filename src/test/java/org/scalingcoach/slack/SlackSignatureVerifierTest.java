package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackSignatureVerifierTest {
  private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
  private final SlackSignatureVerifier verifier =
      new SlackSignatureVerifier(SlackRequests.SIGNING_SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
  private final String body = "{\"type\":\"event_callback\"}";

  private java.util.Optional<String> signedAt(long secondsFromNow) {
    long ts = NOW.getEpochSecond() + secondsFromNow;
    return verifier.refusal(
        Long.toString(ts),
        SlackRequests.signature(SlackRequests.SIGNING_SECRET, ts, body),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_request_signed_within_five_minutes_either_way_is_accepted() {
    assertThat(signedAt(0)).isEmpty();
    assertThat(signedAt(-299)).isEmpty();
    assertThat(signedAt(299)).isEmpty();
  }

  @Test
  void timestamps_more_than_five_minutes_in_the_future_are_refused_as_in_the_past() {
    assertThat(signedAt(-6 * 60)).get().asString().contains("more than 5 minutes");
    assertThat(signedAt(10 * 60)).isPresent();
    assertThat(signedAt(86_400)).isPresent();
    assertThat(signedAt(365L * 86_400)).isPresent();
  }

  @Test
  void a_wrong_or_missing_signature_or_timestamp_is_refused() {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(NOW.getEpochSecond());
    assertThat(verifier.refusal(ts, "v0=" + "0".repeat(64), bytes)).isPresent();
    assertThat(verifier.refusal(null, null, bytes)).isPresent();
    assertThat(verifier.refusal("12abc", "v0=00", bytes)).isPresent();
    assertThat(verifier.refusal("99999999999999999999", "v0=00", bytes)).isPresent();
    String signature =
        SlackRequests.signature(SlackRequests.SIGNING_SECRET, NOW.getEpochSecond(), body);
    assertThat(verifier.refusal(ts, signature, (body + " ").getBytes(StandardCharsets.UTF_8)))
        .as("a changed body")
        .isPresent();
  }
}
