package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.scalingcoach.answer.PastTurn;
import org.scalingcoach.guard.StoredText;

/**
 * What the Teams adapter remembers, keyed by tenant: the recent turns of each conversation and
 * feedback on answers, in the tables shared with Slack.
 */
public final class TeamsStore {
  /** Three questions and their replies: six turns of context. */
  private static final int KEPT_EXCHANGES = 3;

  private final Database database;

  public TeamsStore(Database database) {
    this.database = database;
  }

  /** The last turns of a conversation, oldest first. */
  public List<PastTurn> recentTurns(String tenantId, String conversationId) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT question, reply FROM conversation_turn WHERE platform = 'teams'"
                      + " AND workspace = ? AND conversation = ? ORDER BY rowid DESC LIMIT ?")) {
            statement.setString(1, tenantId);
            statement.setString(2, conversationId);
            statement.setInt(3, KEPT_EXCHANGES);
            List<PastTurn> turns = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                turns.add(PastTurn.coach(rs.getString(2)));
                if (!rs.getString(1).isEmpty()) {
                  turns.add(PastTurn.user(rs.getString(1)));
                }
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
                  "INSERT INTO conversation_turn (id, platform, workspace, conversation, question,"
                      + " reply, created_at) VALUES (?, 'teams', ?, ?, ?, ?, ?)")) {
            turn.setString(1, "teams-" + UUID.randomUUID());
            turn.setString(2, tenantId);
            turn.setString(3, conversationId);
            turn.setString(4, StoredText.cap(question));
            turn.setString(5, StoredText.cap(reply));
            turn.setLong(6, System.currentTimeMillis());
            turn.executeUpdate();
          }
          try (PreparedStatement prune =
              connection.prepareStatement(
                  "DELETE FROM conversation_turn WHERE platform = 'teams' AND workspace = ?"
                      + " AND conversation = ? AND rowid <= (SELECT rowid FROM conversation_turn"
                      + " WHERE platform = 'teams' AND workspace = ? AND conversation = ?"
                      + " ORDER BY rowid DESC LIMIT 1 OFFSET ?)")) {
            prune.setString(1, tenantId);
            prune.setString(2, conversationId);
            prune.setString(3, tenantId);
            prune.setString(4, conversationId);
            prune.setInt(5, KEPT_EXCHANGES);
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
                  "INSERT INTO answer_feedback (platform, workspace, conversation, answer_ref,"
                      + " user_id, rating, question, topic, sources) VALUES ('teams', ?, ?, ?, ?, ?,"
                      + " ?, ?, ?) ON CONFLICT (platform, workspace, conversation, answer_ref,"
                      + " user_id) DO UPDATE SET rating = excluded.rating, created_at = "
                      + database.kind().nowText())) {
            statement.setString(1, feedback.tenantId());
            statement.setString(2, feedback.conversationId());
            statement.setString(3, feedback.answerActivityId());
            statement.setString(4, feedback.userId());
            statement.setInt(5, "up".equals(feedback.vote()) ? 1 : -1);
            statement.setString(6, feedback.question());
            statement.setString(7, feedback.topic());
            statement.setString(8, feedback.topSource() == null ? "" : feedback.topSource());
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
                  "SELECT workspace, conversation, answer_ref, user_id, CASE WHEN rating > 0"
                      + " THEN 'up' ELSE 'down' END, question, topic, NULLIF(sources, '')"
                      + " FROM answer_feedback WHERE platform = 'teams' AND workspace = ?"
                      + " ORDER BY id")) {
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
