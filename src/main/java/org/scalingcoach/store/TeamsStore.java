package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.scalingcoach.answer.PastTurn;

/**
 * What the Teams adapter remembers, keyed by tenant: activities already handled, the recent turns
 * of each conversation, feedback on answers, and the question log shared with Slack.
 */
public final class TeamsStore {
  private static final int KEPT_TURNS = 6;

  private final Database database;

  public TeamsStore(Database database) {
    this.database = database;
  }

  /**
   * Records the activity as handled; false when it was handled before (a repeated delivery). Ids
   * older than two days are forgotten: the Bot Framework stops redelivering long before that.
   */
  public boolean firstDelivery(String tenantId, String conversationId, String activityId) {
    return database.inTransaction(
        connection -> {
          try (PreparedStatement prune =
              connection.prepareStatement(
                  "DELETE FROM teams_activity_seen WHERE seen_at <"
                      + " strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days')")) {
            prune.executeUpdate();
          }
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT OR IGNORE INTO teams_activity_seen (tenant_id, conversation_id,"
                      + " activity_id) VALUES (?, ?, ?)")) {
            statement.setString(1, tenantId);
            statement.setString(2, conversationId);
            statement.setString(3, activityId);
            return statement.executeUpdate() == 1;
          }
        });
  }

  /** The last turns of a conversation, oldest first. */
  public List<PastTurn> recentTurns(String tenantId, String conversationId) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT speaker, text FROM teams_turn WHERE tenant_id = ? AND conversation_id = ?"
                      + " ORDER BY id DESC LIMIT ?")) {
            statement.setString(1, tenantId);
            statement.setString(2, conversationId);
            statement.setInt(3, KEPT_TURNS);
            List<PastTurn> turns = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                turns.add(new PastTurn(PastTurn.Speaker.valueOf(rs.getString(1)), rs.getString(2)));
              }
            }
            Collections.reverse(turns);
            return turns;
          }
        });
  }

  /** Remembers a question and the coach's reply, keeping the last few turns of the conversation. */
  public void recordExchange(
      String tenantId, String conversationId, String question, String reply) {
    database.inTransaction(
        connection -> {
          try (PreparedStatement turn =
              connection.prepareStatement(
                  "INSERT INTO teams_turn (tenant_id, conversation_id, speaker, text)"
                      + " VALUES (?, ?, ?, ?)")) {
            for (String[] said :
                List.of(new String[] {"USER", question}, new String[] {"COACH", reply})) {
              turn.setString(1, tenantId);
              turn.setString(2, conversationId);
              turn.setString(3, said[0]);
              turn.setString(4, StoredText.cap(said[1]));
              turn.addBatch();
            }
            turn.executeBatch();
          }
          try (PreparedStatement prune =
              connection.prepareStatement(
                  "DELETE FROM teams_turn WHERE tenant_id = ? AND conversation_id = ? AND id <="
                      + " (SELECT id FROM teams_turn WHERE tenant_id = ? AND conversation_id = ?"
                      + " ORDER BY id DESC LIMIT 1 OFFSET ?)")) {
            prune.setString(1, tenantId);
            prune.setString(2, conversationId);
            prune.setString(3, tenantId);
            prune.setString(4, conversationId);
            prune.setInt(5, KEPT_TURNS);
            prune.executeUpdate();
          }
          return null;
        });
  }

  /** Stores a 👍 or 👎; a user's new vote on the same answer replaces the old one. */
  public void recordFeedback(TeamsFeedback feedback) {
    database.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO teams_feedback (tenant_id, conversation_id, answer_activity_id,"
                      + " user_id, vote, question, topic, top_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (tenant_id, conversation_id, answer_activity_id, user_id) DO"
                      + " UPDATE SET vote = excluded.vote, given_at = excluded.given_at")) {
            statement.setString(1, feedback.tenantId());
            statement.setString(2, feedback.conversationId());
            statement.setString(3, feedback.answerActivityId());
            statement.setString(4, feedback.userId());
            statement.setString(5, feedback.vote());
            statement.setString(6, feedback.question());
            statement.setString(7, feedback.topic());
            statement.setString(8, feedback.topSource());
            statement.executeUpdate();
          }
          return null;
        });
  }

  /** All feedback of a tenant, oldest first. */
  public List<TeamsFeedback> feedback(String tenantId) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT tenant_id, conversation_id, answer_activity_id, user_id, vote, question,"
                      + " topic, top_source FROM teams_feedback WHERE tenant_id = ? ORDER BY id")) {
            statement.setString(1, tenantId);
            List<TeamsFeedback> all = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                all.add(
                    new TeamsFeedback(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)));
              }
            }
            return all;
          }
        });
  }

  /** A 👍 ({@code up}) or 👎 ({@code down}) on an answer the coach gave in Teams. */
  public record TeamsFeedback(
      String tenantId,
      String conversationId,
      String answerActivityId,
      String userId,
      String vote,
      String question,
      String topic,
      String topSource) {}
}
