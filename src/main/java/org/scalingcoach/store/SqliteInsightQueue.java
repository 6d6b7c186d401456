package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.scalingcoach.console.InsightQueue;

/** The insight queue over {@code question_log} and {@code answer_feedback}. */
public final class SqliteInsightQueue implements InsightQueue {
  private final Database database;

  public SqliteInsightQueue(Database database) {
    this.database = database;
  }

  @Override
  public List<Item> newest(String teamId, Instant since, int limit) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT kind, channel, question, at, sources FROM ("
                      + " SELECT 'UNANSWERED' AS kind, channel, question, asked_at AS at,"
                      + "  '' AS sources FROM question_log"
                      + "  WHERE answered = 0 AND team_id = ? AND asked_at >= ?"
                      + " UNION ALL SELECT 'VOTED_DOWN', platform, question, created_at, sources"
                      + "  FROM answer_feedback WHERE rating < 0 AND workspace = ?"
                      + "  AND created_at >= ?)"
                      + " ORDER BY at DESC LIMIT ?")) {
            String from = since.toString();
            for (int i = 0; i < 2; i++) {
              select.setString(2 * i + 1, teamId);
              select.setString(2 * i + 2, from);
            }
            select.setInt(5, limit);
            return RowMapper.all(
                select,
                row ->
                    new Item(
                        Kind.valueOf(row.getString(1)),
                        row.getString(2),
                        row.getString(3),
                        Instant.parse(row.getString(4)),
                        row.getString(5)));
          }
        });
  }
}
