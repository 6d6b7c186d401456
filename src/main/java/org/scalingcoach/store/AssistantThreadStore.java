package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/** The threads of Slack's assistant panel and the channel each person is viewing beside it. */
public final class AssistantThreadStore {
  private final Database database;
  private final Clock clock;

  public AssistantThreadStore(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /**
   * Records (or replaces) the channel the person is viewing; {@code contextChannel} may be null.
   */
  public void remember(
      String teamId, String channel, String threadTs, String userId, String contextChannel) {
    database.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO slack_assistant_thread (team_id, channel, thread_ts, user_id,"
                      + " context_channel, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (team_id, channel, thread_ts) DO UPDATE SET"
                      + " user_id = excluded.user_id, context_channel = excluded.context_channel,"
                      + " updated_at = excluded.updated_at")) {
            statement.setString(1, teamId);
            statement.setString(2, channel);
            statement.setString(3, threadTs);
            statement.setString(4, userId);
            statement.setString(5, contextChannel);
            statement.setLong(6, clock.millis());
            return statement.executeUpdate();
          }
        });
  }

  /** The channel the person was last viewing beside this assistant thread, if known. */
  public Optional<String> contextChannel(String teamId, String channel, String threadTs) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT context_channel FROM slack_assistant_thread"
                      + " WHERE team_id = ? AND channel = ? AND thread_ts = ?")) {
            statement.setString(1, teamId);
            statement.setString(2, channel);
            statement.setString(3, threadTs);
            try (ResultSet rs = statement.executeQuery()) {
              return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }
}
