package org.scalingcoach.cli;

import java.nio.file.Path;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.store.Database;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option of commands that read the coach's database. */
final class DataDirOption {
  @Option(names = "--data-dir", description = "Data folder (default: COACH_DATA_DIR or ./data).")
  Path dataDir;

  /** Opens {@code coach.db} in the given folder, or in the configured one when none was given. */
  Database open() {
    Path file =
        dataDir == null
            ? CoachConfig.fromEnvironment(System.getenv()).databaseFile()
            : dataDir.resolve("coach.db");
    return Database.open(file);
  }
}
