package org.scalingcoach.store;

import java.sql.PreparedStatement;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.Languages;
import org.scalingcoach.guard.StoredText;

/** Writes every question asked to {@code question_log}, so admins see what went unanswered. */
public final class QuestionLog {
  private final Database database;

  public QuestionLog(Database database) {
    this.database = database;
  }

  public void record(String teamId, String userId, String channel, Answer answer) {
    database.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO question_log (team_id, user_id, channel, question, answered, topic,"
                      + " top_source, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, teamId);
            statement.setString(2, userId);
            statement.setString(3, channel);
            statement.setString(4, StoredText.cap(answer.question()));
            statement.setInt(5, answer.answered() ? 1 : 0);
            statement.setString(6, answer.topic() == null ? null : answer.topic().id());
            statement.setString(
                7, answer.citations().isEmpty() ? null : answer.citations().get(0).key());
            statement.setString(8, Languages.nonEnglish(answer.question()).orElse("en"));
            return statement.executeUpdate();
          }
        });
  }
}
