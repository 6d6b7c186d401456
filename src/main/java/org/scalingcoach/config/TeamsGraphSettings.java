package org.scalingcoach.config;

import java.net.URI;

/**
 * How the coach reads its own Teams messages back through Microsoft Graph, to tell after a crash
 * whether an interrupted reply reached the chat ({@code TEAMS_GRAPH_READ=true}).
 *
 * @param graphUrl the Graph API base, {@code https://graph.microsoft.com/v1.0} ({@code
 *     TEAMS_GRAPH_URL}, for tests)
 * @param tokenUrl where the app-only Graph token is requested; {@code {tenant}} stands for the
 *     tenant the conversation belongs to ({@code TEAMS_GRAPH_TOKEN_URL}, for tests)
 */
public record TeamsGraphSettings(URI graphUrl, String tokenUrl) {
  public static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com/v1.0";
  public static final String DEFAULT_TOKEN_URL =
      "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

  /** The token URL for the conversations of {@code tenant}. */
  public URI tokenUrl(String tenant) {
    return URI.create(tokenUrl.replace("{tenant}", tenant));
  }
}
