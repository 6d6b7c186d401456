package org.scalingcoach.admin;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {
  private static final Duration QUIET = Duration.ofMillis(200);
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path root;

  @Test
  void should_run_once_for_a_burst_of_changes_in_a_sub_folder() throws IOException {
    Files.createDirectories(root.resolve("audits"));
    AtomicInteger runs = new AtomicInteger();
    try (FolderWatcher watcher = FolderWatcher.start(List.of(root), QUIET, runs::incrementAndGet)) {
      for (int i = 0; i < 5; i++) {
        Files.writeString(root.resolve("audits/new-audit.yaml"), "id: x" + i);
      }

      await().atMost(WAIT).until(() -> runs.get() == 1);
      await().during(QUIET.multipliedBy(3)).atMost(WAIT).until(() -> runs.get() == 1);
    }
  }

  @Test
  void should_watch_folders_created_after_it_started_and_ignore_editor_swap_files()
      throws IOException {
    AtomicInteger runs = new AtomicInteger();
    try (FolderWatcher watcher = FolderWatcher.start(List.of(root), QUIET, runs::incrementAndGet)) {
      Files.createDirectories(root.resolve("team-notes"));
      await().atMost(WAIT).until(() -> runs.get() == 1);

      Files.writeString(root.resolve("team-notes/.draft.md.swp"), "swap");
      Files.writeString(root.resolve("team-notes/draft.md~"), "backup");
      await().during(QUIET.multipliedBy(3)).atMost(WAIT).until(() -> runs.get() == 1);

      Files.writeString(root.resolve("team-notes/draft.md"), "# Draft");

      await().atMost(WAIT).until(() -> runs.get() == 2);
    }
  }

  @Test
  void should_keep_watching_after_the_action_fails() throws IOException {
    AtomicInteger runs = new AtomicInteger();
    Runnable failing =
        () -> {
          runs.incrementAndGet();
          throw new IllegalStateException("reload failed");
        };
    try (FolderWatcher watcher = FolderWatcher.start(List.of(root), QUIET, failing)) {
      Files.writeString(root.resolve("a.md"), "one");
      await().atMost(WAIT).until(() -> runs.get() == 1);

      Files.writeString(root.resolve("a.md"), "two");

      await().atMost(WAIT).until(() -> runs.get() == 2);
    }
  }
}
