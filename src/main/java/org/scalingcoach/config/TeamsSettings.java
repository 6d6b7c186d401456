package org.scalingcoach.config;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the coach reaches Microsoft Teams through the Bot Framework: the bot's Azure app registration
 * and the endpoints it talks to (configurable so tests can use local fakes).
 *
 * @param appId the Azure Bot's Microsoft App ID ({@code TEAMS_APP_ID}); blank only in emulator mode
 * @param appPassword its client secret ({@code TEAMS_APP_PASSWORD})
 * @param tenantId the tenant of a single-tenant bot ({@code TEAMS_TENANT_ID}), or null
 * @param openIdMetadataUrl where the signing keys of incoming requests are announced ({@code
 *     TEAMS_OPENID_METADATA_URL})
 * @param tokenUrl where the bot gets its token to reply ({@code TEAMS_TOKEN_URL})
 * @param emulatorMode accept unauthenticated requests whose service URL is on this machine, for the
 *     Bot Framework Emulator ({@code TEAMS_EMULATOR_MODE}, default false; never in production)
 * @param graph reading the coach's own messages through Microsoft Graph ({@code TEAMS_GRAPH_READ},
 *     default false), or null when off
 */
public record TeamsSettings(
    String appId,
    String appPassword,
    String tenantId,
    URI openIdMetadataUrl,
    URI tokenUrl,
    boolean emulatorMode,
    TeamsGraphSettings graph) {

  /** Reading the coach's messages back through Graph, when {@code TEAMS_GRAPH_READ} is on. */
  public Optional<TeamsGraphSettings> graphReading() {
    return Optional.ofNullable(graph);
  }

  public static final String DEFAULT_OPENID_METADATA_URL =
      "https://login.botframework.com/v1/.well-known/openidconfiguration";

  /** True when the bot can authenticate requests and replies (an app id and password are set). */
  public boolean hasCredentials() {
    return !appId.isBlank() && !appPassword.isBlank();
  }

  /** The token URL for a tenant, or for multi-tenant bots the {@code botframework.com} tenant. */
  public static String defaultTokenUrl(String tenantId) {
    String tenant = tenantId == null || tenantId.isBlank() ? "botframework.com" : tenantId;
    return "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token";
  }

  @Override
  public String toString() {
    return "TeamsSettings[appId="
        + appId
        + ", appPassword=***, tenantId="
        + tenantId
        + ", openIdMetadataUrl="
        + openIdMetadataUrl
        + ", tokenUrl="
        + tokenUrl
        + ", emulatorMode="
        + emulatorMode
        + ", graph="
        + graph
        + "]";
  }

  /**
   * Reads the Teams settings; empty when Teams is not configured. Every problem found is added to
   * {@code problems}.
   */
  public static Optional<TeamsSettings> fromEnvironment(
      Map<String, String> env, List<String> problems) {
    String appId = value(env, "TEAMS_APP_ID");
    String password = value(env, "TEAMS_APP_PASSWORD");
    String tenant = value(env, "TEAMS_TENANT_ID");
    boolean emulator = flag(env, "TEAMS_EMULATOR_MODE", problems);
    boolean graphRead = flag(env, "TEAMS_GRAPH_READ", problems);
    if (appId.isEmpty() && password.isEmpty() && !emulator) {
      if (!tenant.isEmpty()) {
        problems.add("TEAMS_TENANT_ID is set but TEAMS_APP_ID and TEAMS_APP_PASSWORD are not");
      }
      return Optional.empty();
    }
    if (appId.isEmpty() != password.isEmpty()) {
      problems.add(
          "Teams needs both TEAMS_APP_ID and TEAMS_APP_PASSWORD (from the Azure Bot registration);"
              + " only "
              + (appId.isEmpty() ? "TEAMS_APP_PASSWORD" : "TEAMS_APP_ID")
              + " is set");
    }
    URI metadata = url(env, "TEAMS_OPENID_METADATA_URL", DEFAULT_OPENID_METADATA_URL, problems);
    URI token = url(env, "TEAMS_TOKEN_URL", defaultTokenUrl(tenant), problems);
    TeamsGraphSettings graph = null;
    if (graphRead) {
      if (appId.isEmpty() || password.isEmpty()) {
        problems.add(
            "TEAMS_GRAPH_READ needs the bot's TEAMS_APP_ID and TEAMS_APP_PASSWORD: Graph is read"
                + " with the same Entra app");
      }
      URI graphUrl = url(env, "TEAMS_GRAPH_URL", TeamsGraphSettings.DEFAULT_GRAPH_URL, problems);
      String graphToken = value(env, "TEAMS_GRAPH_TOKEN_URL");
      if (graphToken.isEmpty()) {
        graphToken = TeamsGraphSettings.DEFAULT_TOKEN_URL;
      }
      // Checked with a tenant in place of the placeholder, as it is used.
      url(
          Map.of("TEAMS_GRAPH_TOKEN_URL", graphToken.replace("{tenant}", "tenant")),
          "TEAMS_GRAPH_TOKEN_URL",
          TeamsGraphSettings.DEFAULT_TOKEN_URL.replace("{tenant}", "tenant"),
          problems);
      graph = new TeamsGraphSettings(graphUrl, graphToken);
    } else {
      for (String name : List.of("TEAMS_GRAPH_URL", "TEAMS_GRAPH_TOKEN_URL")) {
        if (!value(env, name).isEmpty()) {
          problems.add(name + " is set but TEAMS_GRAPH_READ is not true");
        }
      }
    }
    return Optional.of(
        new TeamsSettings(
            appId, password, tenant.isEmpty() ? null : tenant, metadata, token, emulator, graph));
  }

  private static boolean flag(Map<String, String> env, String name, List<String> problems) {
    String raw = value(env, name);
    if (raw.isEmpty()) {
      return false;
    }
    if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(raw);
    }
    problems.add(name + " must be true or false, not '" + raw + "'");
    return false;
  }

  private static String value(Map<String, String> env, String name) {
    String raw = env.get(name);
    return raw == null ? "" : raw.strip();
  }

  private static URI url(
      Map<String, String> env, String name, String fallback, List<String> problems) {
    String raw = value(env, name);
    String text = raw.isEmpty() ? fallback : raw;
    try {
      URI uri = URI.create(text);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
          || uri.getHost() == null) {
        problems.add(name + " must be an http(s) URL, not '" + text + "'");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      problems.add(name + " must be an http(s) URL, not '" + text + "'");
      return URI.create(fallback);
    }
  }
}
