package org.scalingcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.scalingcoach.answer.Asker;
import org.scalingcoach.audit.MutableClock;

class RateLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  private final RateLimiter limiter = new RateLimiter(2, clock);

  @Test
  void should_count_only_recorded_answers_in_a_sliding_hour() {
    Asker ada = new Asker("T1", "U1");

    assertThat(limiter.allows(ada)).isTrue();
    assertThat(limiter.allows(ada)).isTrue(); // asking is not counting
    limiter.record(ada);
    clock.advance(Duration.ofMinutes(30));
    limiter.record(ada);

    assertThat(limiter.allows(ada)).isFalse();
    assertThat(limiter.allows(new Asker("T1", "U2"))).isTrue();
    clock.advance(Duration.ofMinutes(31));
    assertThat(limiter.allows(ada)).isTrue();
  }

  @Test
  void should_forget_askers_an_hour_after_their_last_written_answer() {
    for (int i = 0; i < 1_000; i++) {
      limiter.record(new Asker("T1", "U" + i));
    }
    assertThat(limiter.askersHeld()).isEqualTo(1_000);

    clock.advance(Duration.ofMinutes(61));

    assertThat(limiter.askersHeld()).isZero();
  }
}
