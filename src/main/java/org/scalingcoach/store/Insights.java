package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalingcoach.conversation.InsightFigures.ExpertQuestions;
import org.scalingcoach.conversation.InsightFigures.Rated;
import org.scalingcoach.conversation.InsightFigures.Unanswered;
import org.scalingcoach.conversation.InsightFigures.Usage;

/**
 * What admins need to improve the knowledge base: questions the coach could not answer, answers
 * people voted down, and how much the coach is used, for one workspace or all of them.
 */
public final class Insights {
  private final Database database;

  public Insights(Database database) {
    this.database = database;
  }

  /** Expert questions asked since {@code since}, newest first, up to {@code limit} per list. */
  public ExpertQuestions expertQuestions(String teamId, Instant since, int limit) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT state, question, route, claimed_by, answered_by, draft FROM"
                      + " expert_question WHERE asked_at >= ? AND (? IS NULL OR workspace = ?)"
                      + " AND state IN ('open', 'claimed', 'answered') ORDER BY asked_at DESC,"
                      + " id DESC")) {
            statement.setLong(1, since.toEpochMilli());
            statement.setString(2, teamId);
            statement.setString(3, teamId);
            List<String> waiting = new ArrayList<>();
            List<String> answered = new ArrayList<>();
            List<String> drafted = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                String line =
                    rs.getString("question").replaceAll("\\s+", " ").strip()
                        + " ["
                        + rs.getString("route")
                        + "]";
                String draft = rs.getString("draft");
                List<String> into;
                if (rs.getString("state").equals("answered")) {
                  line += " answered by " + rs.getString("answered_by");
                  into = draft == null ? answered : drafted;
                  if (draft != null) {
                    line += " → " + draft;
                  }
                } else {
                  String claimed = rs.getString("claimed_by");
                  line += claimed == null ? " open" : " claimed by " + claimed;
                  into = waiting;
                }
                if (into.size() < limit) {
                  into.add(line);
                }
              }
            }
            return new ExpertQuestions(waiting, answered, drafted);
          }
        });
  }

  /** Questions since {@code since} that were not answered, most frequent first. */
  public List<Unanswered> unanswered(String teamId, Instant since, int limit) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT MIN(question), COUNT(*), MAX(asked_at) FROM question_log"
                      + " WHERE answered = 0 AND asked_at >= ? AND (? IS NULL OR team_id = ?)"
                      + " GROUP BY lower(trim(question)) ORDER BY COUNT(*) DESC, MAX(asked_at)"
                      + " DESC LIMIT ?")) {
            statement.setString(1, since.toString());
            statement.setString(2, teamId);
            statement.setString(3, teamId);
            statement.setInt(4, limit);
            List<Unanswered> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                rows.add(new Unanswered(rs.getString(1), rs.getInt(2), rs.getString(3)));
              }
            }
            return rows;
          }
        });
  }

  /**
   * How many questions since {@code since} were asked in each language other than English (and so
   * not answered), most asked first: the demand for answers in other languages.
   */
  public Map<String, Integer> otherLanguages(String teamId, Instant since) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT language, COUNT(*) FROM question_log WHERE language <> 'en'"
                      + " AND asked_at >= ? AND (? IS NULL OR team_id = ?)"
                      + " GROUP BY language ORDER BY COUNT(*) DESC, language")) {
            statement.setString(1, since.toString());
            statement.setString(2, teamId);
            statement.setString(3, teamId);
            Map<String, Integer> counts = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
              }
            }
            return counts;
          }
        });
  }

  /** Answers with at least one thumbs-down since {@code since}, in Slack and Teams. */
  public List<Rated> votedDown(String teamId, Instant since, int limit) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT platform, MIN(question), sources,"
                      + " SUM(CASE WHEN rating < 0 THEN 1 ELSE 0 END),"
                      + " SUM(CASE WHEN rating > 0 THEN 1 ELSE 0 END) FROM answer_feedback"
                      + " WHERE created_at >= ? AND (? IS NULL OR workspace = ?)"
                      + " GROUP BY platform, lower(trim(question)), sources"
                      + " HAVING SUM(CASE WHEN rating < 0 THEN 1 ELSE 0 END) > 0"
                      + " ORDER BY 4 DESC, 5 ASC LIMIT ?")) {
            statement.setString(1, since.toString());
            statement.setString(2, teamId);
            statement.setString(3, teamId);
            statement.setInt(4, limit);
            List<Rated> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new Rated(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5)));
              }
            }
            return rows;
          }
        });
  }

  public Usage usage(String teamId, Instant since) {
    return database.withConnection(
        connection -> {
          int asked = 0;
          int answered = 0;
          Map<String, Integer> byTopic = new LinkedHashMap<>();
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT answered, topic, COUNT(*) FROM question_log WHERE asked_at >= ? AND (?"
                      + " IS NULL OR team_id = ?) GROUP BY answered, topic ORDER BY COUNT(*)"
                      + " DESC")) {
            statement.setString(1, since.toString());
            statement.setString(2, teamId);
            statement.setString(3, teamId);
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                int count = rs.getInt(3);
                asked += count;
                if (rs.getInt(1) == 1) {
                  answered += count;
                  byTopic.merge(String.valueOf(rs.getString(2)), count, Integer::sum);
                }
              }
            }
          }
          return new Usage(asked, answered, byTopic);
        });
  }
}
