package org.scalingcoach.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scalingcoach.audit.AuditSettings;

/**
 * Everything the coach is configured with, read once from the environment and validated with every
 * problem reported together.
 *
 * @param dataDir where the SQLite database lives ({@code COACH_DATA_DIR}, default {@code ./data})
 * @param knowledgeDir the markdown knowledge base ({@code COACH_KNOWLEDGE_DIR}, default {@code
 *     ./knowledge})
 * @param port the HTTP port ({@code PORT}, default 8080; 0 picks a free one)
 * @param slack how to reach Slack ({@code SLACK_*}); disabled when no token is set
 * @param audits managers and reminder settings of the guided audits
 * @param teams the Microsoft Teams bot, or null when Teams is not configured
 * @param llm the optional language model ({@code COACH_LLM_*}, default none)
 * @param admin admins and automatic reloads ({@code COACH_ADMINS}, {@code COACH_RELOAD_WATCH})
 * @param inboxLimit how many unanswered deliveries the inbox holds before new ones get a 503 that
 *     Slack and the Bot Framework retry ({@code COACH_INBOX_LIMIT}, default 2000)
 */
public record CoachConfig(
    Path dataDir,
    Path knowledgeDir,
    int port,
    SlackSettings slack,
    AuditSettings audits,
    TeamsSettings teams,
    LlmSettings llm,
    AdminSettings admin,
    int inboxLimit) {
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._:@-]+");

  public java.util.Optional<TeamsSettings> teamsSettings() {
    return java.util.Optional.ofNullable(teams);
  }

  public Path databaseFile() {
    return dataDir.resolve("coach.db");
  }

  /** The defaults: everything embedded, nothing external. */
  public static CoachConfig defaults() {
    return fromEnvironment(Map.of());
  }

  public static CoachConfig fromEnvironment(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Path dataDir = Path.of(env.getOrDefault("COACH_DATA_DIR", "data"));
    Path knowledgeDir = Path.of(env.getOrDefault("COACH_KNOWLEDGE_DIR", "knowledge"));
    int port = integer(env, "PORT", 8080, 0, 65_535, problems);
    SlackSettings slack = SlackSettings.fromEnvironment(env, problems);
    AuditSettings audits = audits(env, problems);
    TeamsSettings teams = TeamsSettings.fromEnvironment(env, problems).orElse(null);
    LlmSettings llm = LlmSettings.fromEnvironment(env, problems);
    AdminSettings admin =
        new AdminSettings(
            userIds(env, "COACH_ADMINS", problems),
            bool(env, "COACH_RELOAD_WATCH", true, problems));
    int inboxLimit = integer(env, "COACH_INBOX_LIMIT", 2_000, 1, 1_000_000, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new CoachConfig(
        dataDir, knowledgeDir, port, slack, audits, teams, llm, admin, inboxLimit);
  }

  static AuditSettings audits(Map<String, String> env, List<String> problems) {
    Set<String> managers = userIds(env, "COACH_MANAGERS", problems);
    int minutes = integer(env, "COACH_REMINDER_CHECK_MINUTES", 15, 1, 1_440, problems);
    return new AuditSettings(managers, Duration.ofMinutes(minutes));
  }

  /** A comma-separated list of user ids, each checked. */
  static Set<String> userIds(Map<String, String> env, String name, List<String> problems) {
    Set<String> ids =
        Arrays.stream(env.getOrDefault(name, "").split(","))
            .map(String::strip)
            .filter(id -> !id.isEmpty())
            .collect(Collectors.toSet());
    ids.stream()
        .filter(id -> !USER_ID.matcher(id).matches())
        .forEach(
            id ->
                problems.add(
                    name
                        + " must be comma-separated user ids such as U012AB3CD, not '"
                        + id
                        + "'"));
    return ids;
  }

  static boolean bool(
      Map<String, String> env, String name, boolean fallback, List<String> problems) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1", "on" -> {
        return true;
      }
      case "false", "no", "0", "off" -> {
        return false;
      }
      default -> {
        problems.add(name + " must be true or false, not '" + raw + "'");
        return fallback;
      }
    }
  }

  static int integer(
      Map<String, String> env, String name, int fallback, int min, int max, List<String> problems) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value < min || value > max) {
        problems.add(name + " must be between " + min + " and " + max + ", not " + raw);
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number, not '" + raw + "'");
      return fallback;
    }
  }
}
