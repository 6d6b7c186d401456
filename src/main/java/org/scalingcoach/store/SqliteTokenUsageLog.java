package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.llm.TokenUsage;
import org.scalingcoach.llm.TokenUsageLog;

/** The token usage of model calls, one row per call in {@code llm_usage}. */
public final class SqliteTokenUsageLog implements TokenUsageLog {
  private final Database database;

  public SqliteTokenUsageLog(Database database) {
    this.database = database;
  }

  @Override
  public void record(TokenUsage usage) {
    database.inTransaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO llm_usage (team_id, user_id, provider, model, input_tokens,"
                      + " output_tokens, day, finished) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, usage.workspace());
            insert.setString(2, usage.user());
            insert.setString(3, usage.provider());
            insert.setString(4, usage.model());
            insert.setInt(5, usage.inputTokens());
            insert.setInt(6, usage.outputTokens());
            insert.setString(7, usage.day().toString());
            insert.setInt(8, usage.finished() ? 1 : 0);
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public List<DailyUsage> daily(LocalDate from, LocalDate to) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT day, team_id, provider, model, SUM(finished), SUM(input_tokens),"
                      + " SUM(output_tokens), SUM(1 - finished) FROM llm_usage WHERE day BETWEEN ? AND ?"
                      + " GROUP BY day, team_id, provider, model"
                      + " ORDER BY day DESC, team_id, provider, model")) {
            query.setString(1, from.toString());
            query.setString(2, to.toString());
            List<DailyUsage> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new DailyUsage(
                        LocalDate.parse(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getInt(8)));
              }
            }
            return rows;
          }
        });
  }
}
