package org.scalingcoach.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the coach keeps its state: the SQLite file in the data folder, or, with {@code
 * COACH_DATABASE_URL}, a PostgreSQL database that several replicas share.
 *
 * @param url a {@code jdbc:postgresql://} address, or null for SQLite
 * @param user {@code COACH_DATABASE_USER}, or null to leave it to the address
 * @param password {@code COACH_DATABASE_PASSWORD} or the content of {@code
 *     COACH_DATABASE_PASSWORD_FILE}; never shown by {@link #toString()}
 * @param replicaId how this process names itself to the others ({@code COACH_REPLICA_ID}, default
 *     host name and process id)
 * @param lease how long work a replica took stays its own without being renewed ({@code
 *     COACH_REPLICA_LEASE_SECONDS}, default 30): after that another replica takes it over
 */
public record DatabaseSettings(
    String url, String user, String password, String replicaId, Duration lease) {
  static final String URL = "COACH_DATABASE_URL";
  static final String PREFIX = "jdbc:postgresql://";

  /** Whether a PostgreSQL database is configured. */
  public boolean postgres() {
    return url != null;
  }

  public Optional<String> userName() {
    return Optional.ofNullable(user);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url="
        + (url == null ? null : JdbcAddresses.withoutSecrets(url))
        + ", user="
        + user
        + ", password="
        + (password == null ? "none" : "***")
        + ", replicaId="
        + replicaId
        + ", lease="
        + lease
        + "]";
  }

  static DatabaseSettings fromEnvironment(Map<String, String> env, List<String> problems) {
    String url = blankToNull(env.get(URL));
    if (url != null && !url.startsWith(PREFIX)) {
      problems.add(
          URL
              + " must be a PostgreSQL address such as jdbc:postgresql://db:5432/coach (leave it"
              + " unset for the SQLite file in COACH_DATA_DIR), not one starting '"
              + url.substring(0, Math.min(url.length(), PREFIX.length()))
              + "'");
    }
    String user = blankToNull(env.get("COACH_DATABASE_USER"));
    String password = password(env, problems);
    if (url == null && (user != null || password != null)) {
      problems.add(
          "COACH_DATABASE_USER and COACH_DATABASE_PASSWORD(_FILE) need COACH_DATABASE_URL:"
              + " set it to the PostgreSQL address, or remove them to use SQLite");
    }
    String replica = blankToNull(env.get("COACH_REPLICA_ID"));
    if (replica != null && !replica.matches("[A-Za-z0-9._:-]{1,64}")) {
      problems.add(
          "COACH_REPLICA_ID must be 1 to 64 letters, digits, '.', '_', ':' or '-', not '"
              + replica
              + "'");
    }
    int leaseSeconds =
        CoachConfig.integer(env, "COACH_REPLICA_LEASE_SECONDS", 30, 3, 600, problems);
    return new DatabaseSettings(
        url,
        user,
        password,
        replica == null ? defaultReplicaId(env) : replica,
        Duration.ofSeconds(leaseSeconds));
  }

  private static String password(Map<String, String> env, List<String> problems) {
    String direct = env.get("COACH_DATABASE_PASSWORD");
    String file = blankToNull(env.get("COACH_DATABASE_PASSWORD_FILE"));
    if (direct != null && !direct.isEmpty() && file != null) {
      problems.add("set COACH_DATABASE_PASSWORD or COACH_DATABASE_PASSWORD_FILE, not both");
      return null;
    }
    if (file == null) {
      return direct == null || direct.isEmpty() ? null : direct;
    }
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      problems.add(
          "COACH_DATABASE_PASSWORD_FILE "
              + file
              + " cannot be read ("
              + e.getClass().getSimpleName()
              + "): mount the secret there or fix the path");
      return null;
    }
  }

  /** The container's host name (stable across restarts of one container) and the process id. */
  private static String defaultReplicaId(Map<String, String> env) {
    String host = Optional.ofNullable(blankToNull(env.get("HOSTNAME"))).orElse("coach");
    return host.replaceAll("[^A-Za-z0-9._-]", "-") + "-" + ProcessHandle.current().pid();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
