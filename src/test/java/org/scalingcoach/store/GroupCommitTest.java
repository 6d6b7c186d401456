package org.scalingcoach.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;

class GroupCommitTest {
  private final Database database =
      Database.open(TestCore.tempDir("group-commit").resolve("coach.db"));
  private final AtomicInteger transactions = new AtomicInteger();
  private final CountDownLatch firstStarted = new CountDownLatch(1);
  private final CountDownLatch releaseFirst = new CountDownLatch(1);
  private final ExecutorService callers = Executors.newCachedThreadPool();

  /** Each batch in its own transaction; the first one waits until the test lets it go on. */
  private final GroupCommit group =
      new GroupCommit(
          work ->
              database.inTransaction(
                  connection -> {
                    if (transactions.incrementAndGet() == 1) {
                      firstStarted.countDown();
                      await(releaseFirst);
                    }
                    return work.run(connection);
                  }));

  GroupCommitTest() {
    database.inTransaction(
        connection -> connection.createStatement().execute("CREATE TABLE note (text TEXT)"));
  }

  @AfterEach
  void close() {
    callers.shutdownNow();
    database.close();
  }

  @Test
  void writesThatArriveWhileOneIsWrittenShareTheNextTransaction() throws Exception {
    Future<Integer> first = callers.submit(() -> group.run(insert("first")));
    firstStarted.await(10, TimeUnit.SECONDS);
    List<Future<Integer>> queued = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      queued.add(queue(insert("queued " + i)));
    }

    releaseFirst.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    for (Future<Integer> write : queued) {
      assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }
    assertThat(notes()).hasSize(5);
    assertThat(transactions).hasValue(2);
  }

  @Test
  void aWriteThatFailsFailsOnlyItsCaller() throws Exception {
    Future<Integer> first = callers.submit(() -> group.run(insert("first")));
    firstStarted.await(10, TimeUnit.SECONDS);
    Future<Integer> broken =
        queue(
            connection -> {
              connection.createStatement().execute("INSERT INTO note (text) VALUES ('lost')");
              return connection.createStatement().executeUpdate("INSERT INTO missing VALUES (1)");
            });
    Future<Integer> fine = queue(insert("kept"));

    releaseFirst.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(fine.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThatThrownBy(() -> broken.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(StoreException.class);
    assertThat(notes()).containsExactlyInAnyOrder("first", "kept");
  }

  /** Submits {@code work} from a new caller and returns once it waits in the queue. */
  private Future<Integer> queue(Database.SqlWork<Integer> work) throws InterruptedException {
    AtomicReference<Thread> caller = new AtomicReference<>();
    CountDownLatch running = new CountDownLatch(1);
    Future<Integer> result =
        callers.submit(
            () -> {
              caller.set(Thread.currentThread());
              running.countDown();
              return group.run(work);
            });
    running.await(10, TimeUnit.SECONDS);
    // Queued once it waits for its result, since the writer of the first batch is held.
    while (caller.get().getState() != Thread.State.TIMED_WAITING) {
      Thread.sleep(1);
    }
    return result;
  }

  private static Database.SqlWork<Integer> insert(String text) {
    return connection -> {
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO note (text) VALUES (?)")) {
        insert.setString(1, text);
        return insert.executeUpdate();
      }
    };
  }

  private List<String> notes() {
    return database.withConnection(
        connection -> {
          List<String> texts = new ArrayList<>();
          try (ResultSet rs = connection.createStatement().executeQuery("SELECT text FROM note")) {
            while (rs.next()) {
              texts.add(rs.getString(1));
            }
          }
          return texts;
        });
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
