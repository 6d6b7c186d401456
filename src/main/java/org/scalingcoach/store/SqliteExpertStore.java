package org.scalingcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.scalingcoach.expert.ExpertChannel;
import org.scalingcoach.expert.ExpertQuestion;
import org.scalingcoach.expert.ExpertQuestion.Asker;
import org.scalingcoach.expert.ExpertQuestion.State;
import org.scalingcoach.expert.ExpertStore;

/**
 * Expert questions in SQLite. Every change is one transaction that checks the revision it read,
 * bumps it and records the step, so two experts clicking at once cannot both win.
 */
public final class SqliteExpertStore implements ExpertStore {
  /** Longest text kept of a question, its context, an answer or the coach's answer. */
  static final int MAX_TEXT = 8_000;

  private static final String COLUMNS =
      "id, platform, workspace, user_id, conversation, thread, question, context, coach_answer,"
          + " sources, route, channel_platform, channel_id, expert_message, state, claimed_by,"
          + " answer, answered_by, decline_reason, asked_at, due_at, reminded_at, draft, revision";

  private final Database database;
  private final Clock clock;

  public SqliteExpertStore(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public ExpertQuestion create(ExpertQuestion q, String actor) {
    return database.inTransaction(
        connection -> {
          long id;
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO expert_question (platform, workspace, user_id, conversation, thread,"
                      + " question, context, coach_answer, sources, route, channel_platform,"
                      + " channel_id, expert_message, state, claimed_by, answer, answered_by,"
                      + " decline_reason, asked_at, due_at, reminded_at, draft, revision)"
                      + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)",
                  Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, q.asker().platform());
            insert.setString(2, q.asker().workspace());
            insert.setString(3, q.asker().user());
            insert.setString(4, q.asker().conversation());
            insert.setString(5, q.asker().thread() == null ? "" : q.asker().thread());
            insert.setString(6, cap(q.question()));
            insert.setString(7, cap(q.context()));
            insert.setString(8, cap(q.coachAnswer()));
            insert.setString(9, String.join("\n", q.sources()));
            bindChanging(insert, 10, q);
            insert.setLong(19, q.askedAt().toEpochMilli());
            insert.setLong(20, q.dueAt().toEpochMilli());
            setInstant(insert, 21, q.remindedAt());
            insert.setString(22, q.draft().orElse(null));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
              keys.next();
              id = keys.getLong(1);
            }
          }
          step(connection, id, actor, "asked", "routed to " + q.route());
          return read(connection, id).orElseThrow();
        });
  }

  @Override
  public Optional<ExpertQuestion> find(long id) {
    return database.withConnection(connection -> read(connection, id));
  }

  @Override
  public Optional<ExpertQuestion> update(
      long id, long revision, String actor, String action, UnaryOperator<ExpertQuestion> change) {
    return database.inTransaction(
        connection -> {
          Optional<ExpertQuestion> current = read(connection, id);
          if (current.isEmpty() || current.get().revision() != revision) {
            return Optional.empty();
          }
          ExpertQuestion next = change.apply(current.get());
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE expert_question SET route = ?, channel_platform = ?, channel_id = ?,"
                      + " expert_message = ?, state = ?, claimed_by = ?, answer = ?,"
                      + " answered_by = ?, decline_reason = ?, due_at = ?, reminded_at = ?,"
                      + " draft = ?, revision = revision + 1 WHERE id = ? AND revision = ?")) {
            bindChanging(update, 1, next);
            update.setLong(10, next.dueAt().toEpochMilli());
            setInstant(update, 11, next.remindedAt());
            update.setString(12, next.draft().orElse(null));
            update.setLong(13, id);
            update.setLong(14, revision);
            if (update.executeUpdate() != 1) {
              return Optional.empty();
            }
          }
          step(connection, id, actor, action, detail(action, next));
          return read(connection, id);
        });
  }

  @Override
  public Optional<ExpertQuestion> findByMessage(String messageRef) {
    return questions(
            "WHERE expert_message = ? ORDER BY id DESC LIMIT 1",
            select -> select.setString(1, messageRef))
        .stream()
        .findFirst();
  }

  @Override
  public List<ExpertQuestion> askedBy(String platform, String workspace, String user, int limit) {
    return questions(
        "WHERE platform = ? AND workspace = ? AND user_id = ? ORDER BY asked_at DESC, id DESC"
            + " LIMIT ?",
        select -> {
          select.setString(1, platform);
          select.setString(2, workspace);
          select.setString(3, user);
          select.setInt(4, limit);
        });
  }

  @Override
  public List<ExpertQuestion> overdue(Instant now) {
    return questions(
        "WHERE state IN ('open', 'claimed') AND due_at <= ? AND reminded_at IS NULL"
            + " ORDER BY due_at",
        select -> select.setLong(1, now.toEpochMilli()));
  }

  @Override
  public List<ExpertQuestion> inState(State state, Instant since, int limit) {
    return questions(
        "WHERE state = ? AND asked_at >= ? ORDER BY asked_at DESC, id DESC LIMIT ?",
        select -> {
          select.setString(1, state.id());
          select.setLong(2, since.toEpochMilli());
          select.setInt(3, limit);
        });
  }

  @Override
  public List<Step> history(long id) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT at, actor, action, detail FROM expert_step WHERE question_id = ?"
                      + " ORDER BY id")) {
            select.setLong(1, id);
            return RowMapper.all(
                select,
                row ->
                    new Step(
                        Instant.ofEpochMilli(row.getLong(1)),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4)));
          }
        });
  }

  /** The questions a {@code WHERE …} clause selects, with its parameters bound by {@code bind}. */
  private List<ExpertQuestion> questions(String where, Binder bind) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement("SELECT " + COLUMNS + " FROM expert_question " + where)) {
            bind.bind(select);
            return RowMapper.all(select, SqliteExpertStore::question);
          }
        });
  }

  /** Sets the parameters of a prepared statement. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Binds the nine columns a step may change, from route to decline reason. */
  private static void bindChanging(PreparedStatement statement, int first, ExpertQuestion q)
      throws SQLException {
    statement.setString(first, q.route());
    statement.setString(first + 1, q.channel().map(ExpertChannel::platform).orElse(null));
    statement.setString(first + 2, q.channel().map(ExpertChannel::id).orElse(null));
    statement.setString(first + 3, q.expertMessage().orElse(null));
    statement.setString(first + 4, q.state().id());
    statement.setString(first + 5, q.claimedBy().orElse(null));
    statement.setString(first + 6, q.answer().map(SqliteExpertStore::cap).orElse(null));
    statement.setString(first + 7, q.answeredBy().orElse(null));
    statement.setString(first + 8, q.declineReason().map(SqliteExpertStore::cap).orElse(null));
  }

  private void step(Connection connection, long id, String actor, String action, String detail)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO expert_step (question_id, at, actor, action, detail) VALUES (?,?,?,?,?)")) {
      insert.setLong(1, id);
      insert.setLong(2, clock.instant().toEpochMilli());
      insert.setString(3, actor);
      insert.setString(4, action);
      insert.setString(5, detail);
      insert.executeUpdate();
    }
  }

  private static String detail(String action, ExpertQuestion q) {
    return switch (action) {
      case "rerouted" -> "routed to " + q.route();
      case "declined" -> q.declineReason().orElse("");
      case "drafted" -> q.draft().orElse("");
      default -> "";
    };
  }

  private static Optional<ExpertQuestion> read(Connection connection, long id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM expert_question WHERE id = ?")) {
      select.setLong(1, id);
      return RowMapper.all(select, SqliteExpertStore::question).stream().findFirst();
    }
  }

  private static ExpertQuestion question(ResultSet row) throws SQLException {
    String channelPlatform = row.getString("channel_platform");
    String sources = row.getString("sources");
    return new ExpertQuestion(
        row.getLong("id"),
        new Asker(
            row.getString("platform"),
            row.getString("workspace"),
            row.getString("user_id"),
            row.getString("conversation"),
            row.getString("thread")),
        row.getString("question"),
        row.getString("context"),
        row.getString("coach_answer"),
        sources.isEmpty() ? List.of() : Arrays.asList(sources.split("\n")),
        row.getString("route"),
        channelPlatform == null
            ? Optional.empty()
            : Optional.of(new ExpertChannel(channelPlatform, row.getString("channel_id"))),
        Optional.ofNullable(row.getString("expert_message")),
        State.valueOf(row.getString("state").toUpperCase(java.util.Locale.ROOT)),
        Optional.ofNullable(row.getString("claimed_by")),
        Optional.ofNullable(row.getString("answer")),
        Optional.ofNullable(row.getString("answered_by")),
        Optional.ofNullable(row.getString("decline_reason")),
        Instant.ofEpochMilli(row.getLong("asked_at")),
        Instant.ofEpochMilli(row.getLong("due_at")),
        instant(row, "reminded_at"),
        Optional.ofNullable(row.getString("draft")),
        row.getLong("revision"));
  }

  private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
  }

  private static void setInstant(PreparedStatement statement, int index, Optional<Instant> at)
      throws SQLException {
    if (at.isPresent()) {
      statement.setLong(index, at.get().toEpochMilli());
    } else {
      statement.setNull(index, Types.INTEGER);
    }
  }

  private static String cap(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
  }
}
