package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BotFrameworkKeysTest {
  private FakeKeyServer keyServer;
  private MutableClock clock;
  private BotFrameworkKeys keys;

  @BeforeEach
  void start() {
    keyServer = FakeKeyServer.start();
    clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    keys =
        new BotFrameworkKeys(
            HttpClient.newHttpClient(), keyServer.metadataUrl(), Duration.ofMinutes(5), clock);
  }

  @AfterEach
  void stop() {
    keyServer.close();
  }

  @Test
  void should_keep_the_keys_for_a_day_then_load_them_again() throws AuthenticationException {
    keys.find("bf-key-1");
    clock.advance(Duration.ofHours(23));
    keys.find("bf-key-1");
    assertThat(keyServer.keyFetches()).isEqualTo(1);

    clock.advance(Duration.ofHours(2));
    keys.find("bf-key-1");

    assertThat(keyServer.keyFetches()).isEqualTo(2);
  }

  @Test
  void should_refetch_for_an_unknown_key_again_once_the_interval_has_passed()
      throws AuthenticationException {
    keys.find("bf-key-1");
    keys.find("bf-key-9");
    keys.find("bf-key-9");
    assertThat(keyServer.keyFetches()).isEqualTo(2);

    clock.advance(Duration.ofMinutes(5));
    keyServer.publish(FakeKeyServer.newKey("bf-key-9"), List.of("msteams"));

    assertThat(keys.find("bf-key-9")).isPresent();
    assertThat(keyServer.keyFetches()).isEqualTo(3);
  }

  @Test
  void should_keep_the_endorsements_of_each_key() throws AuthenticationException {
    assertThat(keys.find("bf-key-1").orElseThrow().endorsements())
        .containsExactlyInAnyOrder("msteams", "webchat", "emulator");
  }

  @Test
  void should_fail_authentication_when_the_metadata_cannot_be_loaded() {
    BotFrameworkKeys unreachable =
        new BotFrameworkKeys(
            HttpClient.newHttpClient(),
            URI.create("http://127.0.0.1:9/v1/.well-known/openidconfiguration"),
            Duration.ofMinutes(5),
            clock);

    assertThatThrownBy(() -> unreachable.find("bf-key-1"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("unavailable");
  }
}
