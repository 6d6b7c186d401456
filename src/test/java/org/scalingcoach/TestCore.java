package org.scalingcoach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.store.Database;

/**
 * One core over the shipped knowledge base, built once per test JVM on a temporary database, so
 * tests that need real answers do not each load the embedding model.
 */
public final class TestCore {
  private static CoachCore shared;
  private static Database database;

  private TestCore() {}

  public static synchronized CoachCore shared() {
    if (shared == null) {
      CoachConfig config = config(tempDir("coach-test-"));
      database = CoachWiring.database(config);
      shared = CoachWiring.core(config, database);
    }
    return shared;
  }

  /** The database the shared core keeps its embeddings in, for the stores beside it. */
  public static synchronized Database database() {
    shared();
    return database;
  }

  /** A configuration using the shipped knowledge folder and a fresh data folder. */
  public static CoachConfig config(Path dataDir) {
    return CoachConfig.fromEnvironment(
        Map.of("COACH_DATA_DIR", dataDir.toString(), "COACH_KNOWLEDGE_DIR", "knowledge"));
  }

  /** Folders {@link #tempDir} made, deleted with their contents when the test JVM exits. */
  private static final java.util.Queue<Path> TEMP_DIRS =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> TEMP_DIRS.forEach(TestCore::deleteTree), "temp-cleanup"));
  }

  /** A fresh folder under the system's temporary folder, removed with its contents at exit. */
  public static Path tempDir(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      TEMP_DIRS.add(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: a folder another process still writes to is left for the system to clear
    }
  }

  /** The platform ids recorded for the messages of the one delivery in {@code database}. */
  public static String sentRefs(Database database) {
    return database.withConnection(
        connection -> {
          try (var rs =
              connection.createStatement().executeQuery("SELECT sent_refs FROM delivery")) {
            rs.next();
            return rs.getString(1);
          }
        });
  }
}
