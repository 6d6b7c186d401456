package org.scalingcoach.admin;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches folders and everything below them, and runs an action once changes have settled for a
 * moment, so saving several files (or an editor's write-then-rename) gives one reload, not many.
 */
public final class FolderWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);

  private final WatchService watcher;
  private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
  private final Duration quietPeriod;
  private final Runnable onChange;
  private final ScheduledExecutorService scheduler;
  private final Thread thread;
  private ScheduledFuture<?> pending;

  private FolderWatcher(Duration quietPeriod, Runnable onChange) throws IOException {
    this.watcher = FileSystems.getDefault().newWatchService();
    this.quietPeriod = quietPeriod;
    this.onChange = onChange;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "folder-change"));
    this.thread = daemon(this::watch, "folder-watcher");
  }

  /**
   * Starts watching those of {@code roots} that exist; {@code onChange} runs on a background thread
   * {@code quietPeriod} after the last change seen.
   */
  public static FolderWatcher start(List<Path> roots, Duration quietPeriod, Runnable onChange)
      throws IOException {
    FolderWatcher folderWatcher = new FolderWatcher(quietPeriod, onChange);
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        folderWatcher.registerTree(root);
        log.info("watching {} for changes", root.toAbsolutePath());
      }
    }
    folderWatcher.thread.start();
    return folderWatcher;
  }

  private void registerTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path folder : paths.filter(Files::isDirectory).toList()) {
        folders.put(folder.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), folder);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        Path folder = folders.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == OVERFLOW) {
            relevant = true;
            continue;
          }
          Path changed = folder == null ? null : folder.resolve((Path) event.context());
          if (changed == null || ignored(changed)) {
            continue;
          }
          relevant = true;
          if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed)) {
            registerNewFolder(changed);
          }
        }
        if (!key.reset()) {
          folders.remove(key);
        }
        if (relevant) {
          scheduleChange();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void registerNewFolder(Path folder) {
    try {
      registerTree(folder);
    } catch (IOException e) {
      log.warn("cannot watch the new folder {}: {}", folder, e.getMessage());
    }
  }

  /** Editor swap and backup files and hidden files never change what the coach knows. */
  private static boolean ignored(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp");
  }

  private synchronized void scheduleChange() {
    if (pending != null) {
      pending.cancel(false);
    }
    pending = scheduler.schedule(this::runAction, quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runAction() {
    try {
      onChange.run();
    } catch (RuntimeException e) {
      log.error("reacting to a changed file failed; the coach keeps the version it had", e);
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    try {
      watcher.close();
    } catch (IOException e) {
      log.warn("closing the folder watcher failed", e);
    }
    scheduler.shutdownNow();
  }
}
