package org.scalingcoach.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.config.DatabaseSettings;
import org.scalingcoach.config.SetupException;
import org.scalingcoach.store.Database;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option of commands that read the coach's database. */
final class DataDirOption {
  @Option(names = "--data-dir", description = "Data folder (default: COACH_DATA_DIR or ./data).")
  Path dataDir;

  /**
   * Opens the existing {@code coach.db}: a command that only reads must not create an empty
   * database in a mistyped folder and then report that nothing happened.
   */
  Database openExisting() {
    if (dataDir == null && config().database().postgres()) {
      return openPostgres();
    }
    Path file = file();
    if (!Files.isRegularFile(file)) {
      throw new SetupException(
          "no coach database at "
              + file.toAbsolutePath()
              + ": check "
              + (dataDir == null ? "COACH_DATA_DIR" : "--data-dir")
              + " (the folder the server was started with), or start the server once to create"
              + " it");
    }
    return Database.open(file);
  }

  /**
   * Opens {@code coach.db} for writing, creating it in the configured data folder if needed; a
   * {@code --data-dir} that does not exist is refused rather than created.
   */
  Database openForWriting() {
    if (dataDir == null && config().database().postgres()) {
      return openPostgres();
    }
    if (dataDir != null && !Files.isDirectory(dataDir)) {
      throw new SetupException(
          "--data-dir "
              + dataDir
              + " is not a folder: check the path (the server's COACH_DATA_DIR)");
    }
    return Database.open(file());
  }

  private Path file() {
    return dataDir == null ? config().databaseFile() : dataDir.resolve("coach.db");
  }

  /** With COACH_DATABASE_URL set and no --data-dir, commands use the servers' PostgreSQL. */
  private static Database openPostgres() {
    DatabaseSettings settings = config().database();
    return Database.openPostgres(
        settings.url(),
        settings.user(),
        settings.password(),
        new Database.Replica(settings.replicaId(), settings.lease()));
  }

  private static CoachConfig config() {
    return CoachConfig.fromEnvironment(System.getenv());
  }
}
