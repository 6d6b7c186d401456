package org.scalingcoach.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.scalingcoach.audit.MutableClock;
import org.scalingcoach.metrics.Scrape;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.DatabaseKind;
import org.scalingcoach.store.SqliteInbox;
import org.scalingcoach.store.TestDatabases;

@ParameterizedClass
@EnumSource(DatabaseKind.class)
class DeliveryWorkersTest {
  private final Database database;
  private final SqliteInbox inbox;

  DeliveryWorkersTest(DatabaseKind kind) {
    database = TestDatabases.open(kind, "deliveries-");
    inbox = new SqliteInbox(database);
  }

  private final List<String> replayed = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    database.close();
  }

  private DeliveryWorkers workers(int limit) {
    DeliveryWorkers workers =
        new DeliveryWorkers(inbox, Clock.systemUTC(), 2, limit, Duration.ofDays(1));
    workers.register(
        "chat",
        new DeliveryWorkers.Handler() {
          @Override
          public void replay(Delivery delivery) {
            replayed.add(delivery.payload());
          }
        });
    return workers;
  }

  @Test
  void a_delivery_with_a_known_key_is_a_duplicate_and_its_work_never_runs() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    try (DeliveryWorkers workers = workers(10)) {
      assertThat(workers.accept(new NewDelivery("chat", "W", "k1", "a"), () -> ran.add("first")))
          .isEqualTo(DeliveryWorkers.Admission.ACCEPTED);
      assertThat(workers.accept(new NewDelivery("chat", "W", "k1", "a"), () -> ran.add("again")))
          .isEqualTo(DeliveryWorkers.Admission.DUPLICATE);
      await().until(() -> workers.unfinished() == 0);
    }
    assertThat(ran).containsExactly("first");
    assertThat(inbox.unfinished()).isEmpty();
  }

  @Test
  void metrics_show_how_many_deliveries_wait_in_the_inbox_and_for_how_long() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    CountDownLatch release = new CountDownLatch(1);
    try (DeliveryWorkers workers = new DeliveryWorkers(inbox, clock, 1, 10, Duration.ofDays(1))) {
      workers.accept(new NewDelivery("chat", "W", "slow", "a"), release::await);
      clock.advance(Duration.ofSeconds(30));
      workers.accept(new NewDelivery("chat", "W", "queued", "b"), () -> {});
      clock.advance(Duration.ofSeconds(12));

      assertThat(Scrape.now("coach_queue_depth", "queue=\"inbox\"")).isEqualTo(2.0);
      assertThat(Scrape.now("coach_queue_oldest_seconds", "queue=\"inbox\"")).isEqualTo(42.0);

      release.countDown();
      await().until(() -> workers.unfinished() == 0);
      assertThat(Scrape.now("coach_queue_depth", "queue=\"inbox\"")).isZero();
      assertThat(Scrape.now("coach_queue_oldest_seconds", "queue=\"inbox\"")).isZero();
    }
  }

  @Test
  void over_the_limit_a_delivery_is_refused_and_not_stored() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (DeliveryWorkers workers = workers(1)) {
      workers.accept(new NewDelivery("chat", "W", "slow", "a"), release::await);
      assertThat(workers.accept(new NewDelivery("chat", "W", "next", "b"), () -> {}))
          .isEqualTo(DeliveryWorkers.Admission.FULL);
      release.countDown();
      await().until(() -> workers.unfinished() == 0);
      assertThat(workers.accept(new NewDelivery("chat", "W", "next", "b"), () -> {}))
          .as("once there is room the retry is taken")
          .isEqualTo(DeliveryWorkers.Admission.ACCEPTED);
    }
  }

  @Test
  void at_start_up_unfinished_deliveries_are_replayed_skipping_the_messages_that_went_out()
      throws Exception {
    Instant now = Instant.now();
    long pending = inbox.add(new NewDelivery("chat", "W", "p", "pending"), now).orElseThrow();
    long replied = inbox.add(new NewDelivery("chat", "W", "r", "replied"), now).orElseThrow();
    inbox.claim(replied, now);
    inbox.sending(replied, now);
    inbox.replied(replied, List.of("msg-1"), now);
    long done = inbox.add(new NewDelivery("chat", "W", "d", "done"), now).orElseThrow();
    inbox.finish(done, Delivery.State.DONE, now);
    List<String> messages = new CopyOnWriteArrayList<>();

    try (DeliveryWorkers workers =
        new DeliveryWorkers(inbox, Clock.systemUTC(), 1, 10, Duration.ofDays(1))) {
      workers.register(
          "chat",
          delivery -> {
            for (int i = 1; i <= 2; i++) {
              String id = delivery.payload() + "-" + i;
              messages.add(
                  DeliveryScope.newMessage(() -> id + " sent", sent -> id, kept -> "was " + kept));
            }
          });
      workers.resume();
      await().until(() -> inbox.unfinished().isEmpty());
    }

    assertThat(messages)
        .containsExactly("pending-1 sent", "pending-2 sent", "was msg-1", "replied-2 sent");
    assertThat(pending).isPositive();
  }

  @Test
  void a_delivery_taken_with_its_work_is_stored_claimed_in_one_write() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (DeliveryWorkers workers = workers(10)) {
      workers.accept(new NewDelivery("chat", "W", "held", "a"), release::await);

      assertThat(inbox.unfinished())
          .singleElement()
          .satisfies(
              stored -> {
                assertThat(stored.state()).isEqualTo(Delivery.State.WORKING);
                assertThat(stored.attempts()).isEqualTo(1);
              });
      release.countDown();
      await().until(() -> workers.unfinished() == 0);
    }
    assertThat(inbox.unfinished()).isEmpty();
  }

  @Test
  void a_delivery_stored_claimed_and_left_by_a_crash_is_redone_at_start_up() throws Exception {
    inbox.addClaimed(new NewDelivery("chat", "W", "crashed", "left"), Instant.now());
    List<Boolean> redoing = new CopyOnWriteArrayList<>();
    try (DeliveryWorkers workers =
        new DeliveryWorkers(inbox, Clock.systemUTC(), 1, 10, Duration.ofDays(1))) {
      workers.register("chat", delivery -> redoing.add(DeliveryScope.redoing()));
      workers.resume();
      await().until(() -> inbox.unfinished().isEmpty());
    }

    assertThat(redoing).containsExactly(true);
  }
}
