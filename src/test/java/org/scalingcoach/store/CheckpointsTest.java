package org.scalingcoach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;

class CheckpointsTest {
  private final Path file = TestCore.tempDir("checkpoints").resolve("coach.db");
  private final Database database = Database.open(file);
  private final ExecutorService readers = Executors.newSingleThreadExecutor();

  CheckpointsTest() {
    database.inTransaction(
        connection -> connection.createStatement().execute("CREATE TABLE note (text TEXT)"));
  }

  @AfterEach
  void close() {
    readers.shutdownNow();
    database.close();
  }

  @Test
  void commitsNeverCheckpointThemselves() {
    int autocheckpoint =
        database.withConnection(
            connection -> {
              try (ResultSet row =
                  connection.createStatement().executeQuery("PRAGMA wal_autocheckpoint")) {
                row.next();
                return row.getInt(1);
              }
            });
    assertEquals(0, autocheckpoint);
  }

  @Test
  void aRoundPastTheBoundCompletesTheCheckpointSoTheLogStartsOver() {
    writeNotes(3 * Checkpoints.RESET_PAGES);
    // The background rounds may have copied part of it already; with no reader, a round completes.
    Checkpoints.Pass pass = database.checkpoints().runOnce();
    assertTrue(pass.complete(), "pass: " + pass);
    // The next write starts the log from its beginning: a round after it finds one write's pages.
    writeNotes(1);
    Checkpoints.Pass after = database.checkpoints().runOnce();
    assertTrue(after.logPages() < 10, "log pages after the restart: " + after.logPages());
  }

  @Test
  void theBackgroundRoundsStartTheLogOverUnderSteadyWrites() throws Exception {
    long before = database.checkpoints().restarts();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (database.checkpoints().restarts() == before && System.nanoTime() < deadline) {
      writeNotes(200);
    }
    assertTrue(
        database.checkpoints().restarts() > before, "no background round started the log over");
  }

  @Test
  void aReaderThatNeverPausesCannotMakeTheLogGrowWithoutBound() throws Exception {
    AtomicBoolean writing = new AtomicBoolean(true);
    Future<?> reading =
        readers.submit(
            () -> {
              while (writing.get()) {
                database.withConnection(
                    connection -> {
                      try (ResultSet row =
                          connection.createStatement().executeQuery("SELECT count(*) FROM note")) {
                        return row.next();
                      }
                    });
              }
              return null;
            });
    Path wal = Path.of(file + "-wal");
    long largest = 0;
    // Over 100 MB of log pages in all; a round after every 500 writes (about 1,500 pages) waits
    // for the reader's current read and starts the log over, so it never holds much more.
    for (int round = 0; round < 20; round++) {
      writeNotes(500);
      database.checkpoints().runOnce();
      largest = Math.max(largest, Files.size(wal));
    }
    writing.set(false);
    reading.get(30, TimeUnit.SECONDS);
    // Without the restarting pass it grows past 100 MB; a round the reader delays adds about 6 MB.
    long bound = 8L * Checkpoints.RESET_PAGES * 4096;
    assertTrue(largest < bound, "the log grew to " + largest + " bytes");
  }

  /** {@code count} transactions, each adding a row of 4 KB, so each writes about one page. */
  private void writeNotes(int count) {
    String text = "x".repeat(4_000);
    for (int i = 0; i < count; i++) {
      database.inTransaction(
          connection -> {
            try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO note (text) VALUES (?)")) {
              insert.setString(1, text);
              return insert.executeUpdate();
            }
          });
    }
  }
}
