package org.scalingcoach.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.scalingcoach.web.LogCapture;
import org.slf4j.LoggerFactory;

class UntrustedTest {
  private static final String FORGED =
      "x\n08:00:00.000 ERROR [main] o.s.web.ServeCommand - FORGED\r\0";

  @Test
  void control_characters_are_escaped_so_a_value_stays_on_one_line() {
    assertThat(Untrusted.forLog(FORGED))
        .isEqualTo("x\\n08:00:00.000 ERROR [main] o.s.web.ServeCommand - FORGED\\r\\0")
        .doesNotContain("\n", "\r", "\0");
    assertThat(Untrusted.forLog("a\u2028b\u202ec")).isEqualTo("a\\u2028b\\u202ec");
    assertThat(Untrusted.forLog(null)).isEqualTo("null");
  }

  @Test
  void long_values_are_cut_with_their_length() {
    String cut = Untrusted.forLog("a".repeat(1_000_000));

    assertThat(cut).hasSizeLessThan(Untrusted.MAX_LOG_CHARS + 30).endsWith("…(1000000 chars)");
  }

  @Test
  void any_logger_writes_one_line_per_event_even_for_a_message_with_line_breaks() {
    try (LogCapture log = LogCapture.open()) {
      LoggerFactory.getLogger("com.example.SomeLibrary").warn("No pattern for {}", FORGED);

      assertThat(log.events()).isEqualTo(1);
      assertThat(log.forgedLines()).isEmpty();
    }
  }

  @Test
  void a_person_gets_a_limited_number_of_questions_a_minute() {
    AtomicLong now = new AtomicLong(Instant.parse("2026-01-05T09:00:00Z").toEpochMilli());
    java.time.Clock clock =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return Instant.ofEpochMilli(now.get());
          }
        };
    PerUserRate rate = new PerUserRate(3, clock);

    assertThat(rate.allow("T1", "U1")).isTrue();
    assertThat(rate.allow("T1", "U1")).isTrue();
    assertThat(rate.allow("T1", "U1")).isTrue();
    assertThat(rate.allow("T1", "U1")).as("the fourth in a minute").isFalse();
    assertThat(rate.allow("T1", "U2")).as("someone else").isTrue();
    now.addAndGet(60_001);
    assertThat(rate.allow("T1", "U1")).as("a minute later").isTrue();
  }
}
