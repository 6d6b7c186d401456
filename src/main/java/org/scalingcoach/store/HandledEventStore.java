package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.scalingcoach.conversation.Clicks;
import org.scalingcoach.delivery.DeliveryScope;

/**
 * Remembers which deliveries were handled, so a retried or duplicated Slack event never gets a
 * second answer, also across a restart; and which clicks were acted on, for the conversation
 * service's double-click decision on every platform. Entries expire after a while to keep the table
 * small.
 */
public final class HandledEventStore implements Clicks {
  private final Database database;
  private final Clock clock;
  private final Duration retention;

  public HandledEventStore(Database database, Clock clock, Duration retention) {
    this.database = database;
    this.clock = clock;
    this.retention = retention;
  }

  /**
   * Claims a delivery by all the keys that identify it (event id, message id...). Returns true the
   * first time, false when any of the keys was claimed before and has not expired.
   */
  public boolean claim(String teamId, List<String> keys) {
    return claim("slack", teamId, keys, retention);
  }

  /**
   * Claims keys of {@code platform} for a shorter (or longer) time than the store's default, such
   * as a button click that may legitimately be repeated a minute later.
   */
  @Override
  public boolean claim(String platform, String teamId, List<String> keys, Duration keepFor) {
    long now = clock.millis();
    // A claim belongs to the inbox delivery that took it: when that delivery is redone after a
    // crash, its own earlier claim must not make it look like a second delivery.
    Long owner = DeliveryScope.current().map(scope -> scope.delivery().id()).orElse(null);
    return database.inTransaction(
        connection -> {
          try (PreparedStatement expire =
              connection.prepareStatement("DELETE FROM delivery_claim WHERE expires_at < ?")) {
            expire.setLong(1, now);
            expire.executeUpdate();
          }
          int inserted = 0;
          try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO delivery_claim (platform, workspace, claim_key, expires_at,"
                          + " delivery_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
              PreparedStatement own =
                  connection.prepareStatement(
                      "SELECT 1 FROM delivery_claim WHERE platform = ? AND workspace = ?"
                          + " AND claim_key = ? AND delivery_id = ?")) {
            for (String key : keys) {
              insert.setString(1, platform);
              insert.setString(2, teamId);
              insert.setString(3, key);
              insert.setLong(4, now + keepFor.toMillis());
              insert.setObject(5, owner);
              int added = insert.executeUpdate();
              if (added == 0 && owner != null) {
                own.setString(1, platform);
                own.setString(2, teamId);
                own.setString(3, key);
                own.setLong(4, owner);
                try (var rs = own.executeQuery()) {
                  added = rs.next() ? 1 : 0;
                }
              }
              inserted += added;
            }
          }
          if (inserted < keys.size()) {
            connection.rollback();
            return false;
          }
          return true;
        });
  }
}
