package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/** Thumbs up and down on Slack answers, kept with the question and the sources it cited. */
public final class SlackFeedbackStore {
  private final Database database;

  public SlackFeedbackStore(Database database) {
    this.database = database;
  }

  /** One stored vote. */
  public record Feedback(
      String teamId, String answerId, String userId, int rating, String question, String sources) {}

  /**
   * Records a vote of +1 or -1 by {@code userId} on a stored answer; a second click replaces the
   * first. Returns false when the answer is unknown in that workspace.
   */
  public boolean record(
      String teamId, String answerId, String userId, int rating, List<String> sourceKeys) {
    if (rating != 1 && rating != -1) {
      throw new IllegalArgumentException("rating must be +1 or -1, not " + rating);
    }
    return database.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO answer_feedback (platform, workspace, conversation, answer_ref,"
                      + " user_id, rating, question, sources) SELECT 'slack', workspace, '', id, ?,"
                      + " ?, question, ? FROM conversation_turn WHERE platform = 'slack'"
                      + " AND workspace = ? AND id = ? ON CONFLICT (platform, workspace,"
                      + " conversation, answer_ref, user_id) DO UPDATE SET rating ="
                      + " excluded.rating, created_at = "
                      + database.kind().nowText())) {
            statement.setString(1, userId);
            statement.setInt(2, rating);
            statement.setString(3, String.join(",", sourceKeys));
            statement.setString(4, teamId);
            statement.setString(5, answerId);
            return statement.executeUpdate() == 1;
          }
        });
  }

  public Optional<Feedback> find(String teamId, String answerId, String userId) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT rating, question, sources FROM answer_feedback WHERE platform ="
                      + " 'slack' AND workspace = ? AND answer_ref = ? AND user_id = ?")) {
            statement.setString(1, teamId);
            statement.setString(2, answerId);
            statement.setString(3, userId);
            try (ResultSet rs = statement.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new Feedback(
                          teamId, answerId, userId, rs.getInt(1), rs.getString(2), rs.getString(3)))
                  : Optional.empty();
            }
          }
        });
  }
}
