package org.scalingcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(DatabaseKind.class)
class HandledEventStoreTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final Database database;
  private final HandledEventStore store;

  HandledEventStoreTest(DatabaseKind kind) {
    database = TestDatabases.open(kind, "handled-");
    store = new HandledEventStore(database, clock, Duration.ofHours(1));
  }

  @Test
  void should_claim_a_delivery_once_by_any_of_its_keys() {
    assertThat(store.claim("T1", List.of("event:Ev1", "message:C1:1.1"))).isTrue();

    assertThat(store.claim("T1", List.of("event:Ev1", "message:C1:1.1"))).isFalse();
    assertThat(store.claim("T1", List.of("event:Ev2", "message:C1:1.1"))).isFalse();
    assertThat(store.claim("T2", List.of("event:Ev1", "message:C1:1.1"))).isTrue();
  }

  @Test
  void should_not_keep_a_partial_claim_when_one_key_was_seen() {
    store.claim("T1", List.of("message:C1:1.1"));

    assertThat(store.claim("T1", List.of("event:Ev3", "message:C1:1.1"))).isFalse();
    assertThat(store.claim("T1", List.of("event:Ev3"))).isTrue();
  }

  @Test
  void should_forget_deliveries_after_the_retention() {
    store.claim("T1", List.of("event:Ev1"));

    now.set(now.get().plus(Duration.ofMinutes(61)));

    assertThat(store.claim("T1", List.of("event:Ev1"))).isTrue();
  }
}
