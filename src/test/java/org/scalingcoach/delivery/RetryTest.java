package org.scalingcoach.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryTest {
  private final List<Duration> slept = new ArrayList<>();
  private final Retry retry = new Retry(4, Duration.ofMillis(500), slept::add);

  @Test
  void a_call_is_tried_the_given_number_of_times_in_all() {
    assertThat(retry.another(1)).isTrue();
    assertThat(retry.another(3)).isTrue();
    assertThat(retry.another(4)).isFalse();
    assertThatThrownBy(() -> new Retry(0, Duration.ZERO, d -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_pause_after_a_transient_failure_doubles_and_stops_growing_at_the_longest_wait() {
    assertThat(retry.backoff(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(retry.backoff(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(retry.backoff(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(retry.backoff(40)).isEqualTo(Retry.MAX_WAIT);
  }

  @Test
  void retry_after_is_read_in_seconds_and_capped_and_an_unreadable_one_is_none() {
    assertThat(Retry.retryAfter(" 3 ")).contains(Duration.ofSeconds(3));
    assertThat(Retry.retryAfter("0")).contains(Duration.ZERO);
    assertThat(Retry.retryAfter("3600")).contains(Retry.MAX_WAIT);
    assertThat(Retry.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEmpty();
    assertThat(Retry.retryAfter(null)).isEmpty();
  }

  @Test
  void the_wait_after_a_failure_is_the_one_asked_for_else_the_backoff() {
    assertThat(retry.after(2, java.util.Optional.of("7"))).isEqualTo(Duration.ofSeconds(7));
    assertThat(retry.after(2, java.util.Optional.of("soon"))).isEqualTo(Duration.ofSeconds(1));
    assertThat(retry.after(1, java.util.Optional.empty())).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void a_pause_goes_to_the_sleeper_and_an_interrupted_one_says_so() throws Exception {
    retry.pause(Duration.ofSeconds(2));
    assertThat(slept).containsExactly(Duration.ofSeconds(2));

    Retry interrupted =
        new Retry(
            2,
            Duration.ZERO,
            d -> {
              throw new InterruptedException();
            });
    assertThatThrownBy(() -> interrupted.pause(Duration.ofSeconds(1)))
        .isInstanceOf(Retry.Interrupted.class);
    assertThat(Thread.interrupted()).isTrue(); // the flag is kept for the caller (and cleared)
  }
}
