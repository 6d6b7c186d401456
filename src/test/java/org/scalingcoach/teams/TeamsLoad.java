package org.scalingcoach.teams;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A local Bot Framework for benchmarks outside this package: the key server that signs tokens, the
 * Connector that receives replies, the coach's settings that point at both, and personal-chat
 * message activities with their bearer tokens.
 */
public final class TeamsLoad implements AutoCloseable {
  private final FakeKeyServer keys = FakeKeyServer.start();
  private final FakeConnector connector = FakeConnector.start();

  /** The environment variables that point a coach at this Bot Framework. */
  public Map<String, String> environment() {
    return Map.of(
        "TEAMS_APP_ID",
        FakeKeyServer.APP_ID,
        "TEAMS_APP_PASSWORD",
        "app-password",
        "TEAMS_OPENID_METADATA_URL",
        keys.metadataUrl().toString(),
        "TEAMS_TOKEN_URL",
        connector.tokenUrl().toString());
  }

  /** A personal-chat message activity with this id and text, as Teams posts it. */
  public String message(String id, String text) {
    String activity = TeamsTraffic.activity("personal-message", connector.serviceUrl(), id);
    return activity.replace(
        "How do we know our model is drifting?", text.replace("\\", "\\\\").replace("\"", "\\\""));
  }

  /** The Authorization header Teams would send with an activity. */
  public String bearer() {
    return keys.bearerFor(connector.serviceUrl());
  }

  /**
   * Calls {@code reply} with the id of the activity answered and the arrival time (nanos) for each
   * message activity the coach posts back as a reply.
   */
  public void onReply(BiConsumer<String, Long> reply) {
    connector.listen(
        call -> {
          String path = call.path();
          int at = path.lastIndexOf("/activities/");
          if (call.method().equals("POST")
              && at >= 0
              && call.body().path("type").asText().equals("message")) {
            reply.accept(path.substring(at + "/activities/".length()), System.nanoTime());
          }
        });
  }

  @Override
  public void close() {
    keys.close();
    connector.close();
  }
}
