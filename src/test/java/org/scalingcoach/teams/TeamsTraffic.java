package org.scalingcoach.teams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** Activities shaped like real Teams traffic, from the JSON files under {@code teams/}. */
final class TeamsTraffic {
  static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  static final String BOT_ID = "28:" + FakeKeyServer.APP_ID;
  private static final AtomicLong IDS = new AtomicLong(1_740_824_132_000L);

  private TeamsTraffic() {}

  /** The activity in {@code teams/<name>.json} with a fresh id, aimed at the given Connector. */
  static String activity(String name, String serviceUrl) {
    return activity(name, serviceUrl, Long.toString(IDS.incrementAndGet()));
  }

  static String activity(String name, String serviceUrl, String id) {
    try (InputStream in = TeamsTraffic.class.getResourceAsStream("/teams/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no activity fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("${serviceUrl}", serviceUrl)
          .replace("${tenantId}", TENANT)
          .replace("${botId}", BOT_ID)
          .replace("${id}", id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
