package org.scalingcoach.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.scalingcoach.TestCore;

/**
 * Fresh databases for tests: a SQLite file in a temporary folder, or a new database on one real
 * PostgreSQL server started once per test JVM (binaries from Maven). Each PostgreSQL database is
 * copied from a template migrated once, so a test pays for a {@code CREATE DATABASE}, not for
 * running every migration again.
 */
public final class TestDatabases {
  private static final String TEMPLATE = "coach_template";
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestDatabases() {}

  /** A new, migrated, empty database of {@code kind}. */
  public static Database open(DatabaseKind kind, String prefix) {
    return switch (kind) {
      case SQLITE -> Database.open(TestCore.tempDir(prefix).resolve("coach.db"));
      case POSTGRESQL ->
          Database.openPostgres(
              url(newPostgresDatabase()), "postgres", "postgres", Database.Replica.LOCAL);
    };
  }

  /** Creates an empty, migrated PostgreSQL database and returns its name. */
  public static String newPostgresDatabase() {
    server();
    String name = "coach_" + NEXT.incrementAndGet();
    admin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
    return name;
  }

  /** The JDBC address of database {@code name} on the test server (user and password postgres). */
  public static String url(String name) {
    return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name;
  }

  /**
   * The test server, started on first use and stopped when the JVM exits. Its data folder stays
   * behind in {@code target/embedded-pg}: deleting the files of a hundred databases at exit takes
   * longer than surefire waits for a JVM to end, so the next run deletes them in the background.
   */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      Path runs = Path.of("target", "embedded-pg").toAbsolutePath();
      Path data = runs.resolve("run-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
      deleteEarlierRuns(runs);
      try {
        server =
            EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("the embedded PostgreSQL server did not start", e);
      }
      admin("CREATE DATABASE " + TEMPLATE);
      Database.openPostgres(url(TEMPLATE), "postgres", "postgres", Database.Replica.LOCAL).close();
    }
    return server;
  }

  private static void deleteEarlierRuns(Path runs) {
    Thread cleaner =
        new Thread(
            () -> {
              try (Stream<Path> earlier = Files.list(runs)) {
                earlier.forEach(TestDatabases::deleteQuietly);
              } catch (IOException e) {
                // nothing there yet
              }
            },
            "embedded-pg-cleaner");
    cleaner.setDaemon(true);
    cleaner.start();
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a later run tries again
    }
  }

  private static void admin(String sql) {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }
}
