package org.scalingcoach.store;

/**
 * Which database holds the coach's state, and the few pieces of SQL that differ between them; every
 * other statement the stores run is the same on both.
 */
public enum DatabaseKind {
  /** One file in the data folder, used by this one process. */
  SQLITE("sqlite", "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')", "", ""),
  /** A server that several replicas share. */
  POSTGRESQL(
      "postgresql",
      "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')",
      " FOR UPDATE SKIP LOCKED",
      " FOR UPDATE");

  private final String name;
  private final String nowText;
  private final String skipLocked;
  private final String forUpdate;

  DatabaseKind(String name, String nowText, String skipLocked, String forUpdate) {
    this.name = name;
    this.nowText = nowText;
    this.skipLocked = skipLocked;
    this.forUpdate = forUpdate;
  }

  /** How {@code /healthz} and the logs name it. */
  public String label() {
    return name;
  }

  /** An SQL expression for the current UTC time as ISO-8601 text with milliseconds. */
  public String nowText() {
    return nowText;
  }

  /**
   * What ends a {@code SELECT} whose rows the transaction goes on to change, so that two replicas
   * never take the same rows: PostgreSQL locks them and skips rows another replica locked; SQLite
   * needs nothing, since its write transactions run one at a time.
   */
  public String skipLocked() {
    return skipLocked;
  }

  /**
   * What ends a {@code SELECT} of one known row the transaction goes on to change: it waits for a
   * replica changing that row at the moment, then sees the row as that replica left it.
   */
  public String forUpdate() {
    return forUpdate;
  }

  /**
   * Whether other processes may use the same database at the same time. A SQLite file belongs to
   * one process, so at start-up all unfinished work in it is that process's own.
   */
  public boolean shared() {
    return this == POSTGRESQL;
  }

  /** Flyway's script folders: the scripts common to both, then this database's own forms. */
  String[] migrationLocations() {
    return new String[] {"classpath:db/migration", "classpath:db/" + name};
  }
}
