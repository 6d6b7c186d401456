package org.scalingcoach.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.SqliteInbox;

/**
 * A replica whose lease ran out while it was sending a reply (it stalled longer than its lease), so
 * that another replica took the delivery over: the message that was already on its way cannot be
 * called back, but nothing after it goes out from the stalled replica, not even an apology.
 */
class LeaseLostWhileSendingTest {
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  @Test
  void a_replica_that_lost_its_lease_mid_reply_sends_nothing_more() {
    java.nio.file.Path file = TestCore.tempDir("lease-lost-").resolve("coach.db");
    Duration lease = Duration.ofSeconds(10);
    try (Database a = Database.open(file, new Database.Replica("replica-a", lease));
        Database b = Database.open(file, new Database.Replica("replica-b", lease))) {
      SqliteInbox slow = new SqliteInbox(a);
      SqliteInbox other = new SqliteInbox(b);
      Delivery delivery =
          slow.addClaimed(new NewDelivery("slack", "T1", "event:Ev1", "{}"), NOW).orElseThrow();
      List<String> posted = new ArrayList<>();

      try (DeliveryScope scope =
          DeliveryScope.enter(slow, delivery, Clock.fixed(NOW, ZoneOffset.UTC))) {
        DeliveryScope.newMessage(() -> posted.add("the answer"), ok -> "C1/1.000001", ref -> false);
        // The replica stalls past its lease; the other one takes the delivery over.
        assertThat(other.takeOver(NOW.plus(lease).plusSeconds(1), 10))
            .containsExactly(delivery.id());

        assertThatThrownBy(
                () ->
                    DeliveryScope.newMessage(
                        () -> posted.add("the chart"), ok -> "C1/1.000002", ref -> false))
            .isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(
                () ->
                    DeliveryScope.newMessage(
                        () -> posted.add("sorry, something went wrong"),
                        ok -> "C1/1.000003",
                        ref -> false))
            .isInstanceOf(LeaseLostException.class);
      }

      // The chart went out before the record could tell; nothing was sent after it.
      assertThat(posted).containsExactly("the answer", "the chart");
      assertThat(other.unfinished())
          .singleElement()
          .satisfies(left -> assertThat(left.sent()).containsExactly("C1/1.000001"));
    }
  }
}
