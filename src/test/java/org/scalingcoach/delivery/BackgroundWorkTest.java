package org.scalingcoach.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.DatabaseKind;
import org.scalingcoach.store.SqliteInbox;
import org.scalingcoach.store.TestDatabases;

class BackgroundWorkTest {
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final BackgroundWork work = new BackgroundWork("chat", 1, 10);

  @AfterEach
  void close() {
    work.close();
  }

  @Test
  void work_submitted_at_the_door_is_collected_with_the_result_and_not_run() throws Exception {
    BackgroundWork.Collected<String> collected =
        BackgroundWork.collect(
            () -> {
              work.submit("answer", () -> ran.add("answer"));
              return "200";
            });

    assertThat(collected.result()).isEqualTo("200");
    assertThat(ran).isEmpty();
    collected.work().forEach(Runnable::run);
    assertThat(ran).containsExactly("answer");
  }

  @Test
  void work_submitted_on_an_inbox_worker_runs_at_once_on_that_thread() {
    Database database = TestDatabases.open(DatabaseKind.SQLITE, "background-");
    try {
      SqliteInbox inbox = new SqliteInbox(database);
      Delivery delivery =
          inbox
              .addClaimed(new NewDelivery("chat", "W", "k", "{}"), Clock.systemUTC().instant())
              .orElseThrow();
      try (DeliveryScope scope = DeliveryScope.enter(inbox, delivery, Clock.systemUTC())) {
        work.submit("answer", () -> ran.add(Thread.currentThread().getName()));
      }
      assertThat(ran).containsExactly(Thread.currentThread().getName());
    } finally {
      database.close();
    }
  }

  @Test
  void other_work_runs_on_the_pool_and_a_failure_is_logged_not_thrown() {
    work.submit(
        "fails",
        () -> {
          throw new IllegalStateException("boom");
        });
    work.submit("answer", () -> ran.add(Thread.currentThread().getName()));

    await().until(() -> !ran.isEmpty());
    assertThat(ran.get(0)).startsWith("chat-work-");
  }
}
