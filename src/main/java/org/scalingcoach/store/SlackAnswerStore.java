package org.scalingcoach.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.PastTurn;
import org.scalingcoach.guard.StoredText;

/**
 * The answers the coach posted in Slack: the memory of each thread for follow-ups, and what
 * feedback and the "Share in channel" button refer to.
 */
public final class SlackAnswerStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Database database;
  private final Clock clock;

  public SlackAnswerStore(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Where an answer was posted; {@code threadTs} is empty for a top-level direct message. */
  public record Place(String teamId, String channel, String threadTs) {
    public Place {
      threadTs = threadTs == null ? "" : threadTs;
    }
  }

  /** An answer as stored, with the place it was posted and who asked. */
  public record StoredAnswer(String id, Place place, String userId, Answer answer) {}

  public void save(String id, Place place, String messageTs, String userId, Answer answer) {
    String json;
    try {
      json = JSON.writeValueAsString(answer);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot serialise the answer to '" + answer.question() + "'", e);
    }
    database.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO conversation_turn (id, platform, workspace, conversation, thread,"
                      + " message_ref, user_id, question, reply, answer_json, created_at)"
                      + " VALUES (?, 'slack', ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, id);
            statement.setString(2, place.teamId());
            statement.setString(3, place.channel());
            statement.setString(4, place.threadTs());
            statement.setString(5, messageTs);
            statement.setString(6, userId);
            statement.setString(7, StoredText.cap(answer.question()));
            statement.setString(8, StoredText.cap(answer.markdown()));
            statement.setString(9, json);
            statement.setLong(10, clock.millis());
            return statement.executeUpdate();
          }
        });
  }

  /** Records where an answer saved before posting finally landed. */
  public void posted(String id, String channel, String messageTs) {
    database.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "UPDATE conversation_turn SET conversation = ?, message_ref = ?"
                      + " WHERE platform = 'slack' AND id = ?")) {
            statement.setString(1, channel);
            statement.setString(2, messageTs);
            statement.setString(3, id);
            return statement.executeUpdate();
          }
        });
  }

  /** Forgets an answer that could not be posted, so it is not part of the thread's memory. */
  public void forget(String id) {
    database.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "DELETE FROM conversation_turn WHERE platform = 'slack' AND id = ?")) {
            statement.setString(1, id);
            return statement.executeUpdate();
          }
        });
  }

  public Optional<StoredAnswer> find(String teamId, String id) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT conversation, thread, user_id, answer_json FROM conversation_turn"
                      + " WHERE platform = 'slack' AND workspace = ? AND id = ?")) {
            statement.setString(1, teamId);
            statement.setString(2, id);
            try (ResultSet rs = statement.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new StoredAnswer(
                      id,
                      new Place(teamId, rs.getString(1), rs.getString(2)),
                      rs.getString(3),
                      decode(rs.getString(4))));
            }
          }
        });
  }

  /** Who asked the coach in this thread; empty when the coach has not answered there. */
  public Set<String> askersIn(Place place) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT DISTINCT user_id FROM conversation_turn WHERE platform = 'slack'"
                      + " AND workspace = ? AND conversation = ? AND thread = ?")) {
            statement.setString(1, place.teamId());
            statement.setString(2, place.channel());
            statement.setString(3, place.threadTs());
            Set<String> askers = new HashSet<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                askers.add(rs.getString(1));
              }
            }
            return askers;
          }
        });
  }

  /**
   * The last {@code maxExchanges} questions and answers of a thread posted within {@code maxAge},
   * oldest first, as turns for the next question.
   */
  public List<PastTurn> history(Place place, int maxExchanges, Duration maxAge) {
    long since = clock.millis() - maxAge.toMillis();
    List<PastTurn> newestFirst = new ArrayList<>();
    database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT question, answer_json FROM conversation_turn WHERE platform = 'slack'"
                      + " AND workspace = ? AND conversation = ? AND thread = ? AND created_at >= ?"
                      + " ORDER BY created_at DESC, rowid DESC LIMIT ?")) {
            statement.setString(1, place.teamId());
            statement.setString(2, place.channel());
            statement.setString(3, place.threadTs());
            statement.setLong(4, since);
            statement.setInt(5, maxExchanges);
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                newestFirst.add(PastTurn.coach(decode(rs.getString(2)).markdown()));
                newestFirst.add(PastTurn.user(rs.getString(1)));
              }
            }
          }
          return null;
        });
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  private static Answer decode(String json) {
    try {
      return JSON.readValue(json, Answer.class);
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored Slack answer cannot be read back", e);
    }
  }
}
