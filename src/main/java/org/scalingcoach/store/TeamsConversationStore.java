package org.scalingcoach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The conversation reference of every Teams user who wrote to the bot: enough to message them later
 * without being asked (reminders, nudges).
 */
public final class TeamsConversationStore {
  private final Database database;

  public TeamsConversationStore(Database database) {
    this.database = database;
  }

  /**
   * How to reach one Teams user.
   *
   * @param userId their Entra object id (what audits are keyed by), else their Bot Framework id
   * @param botFrameworkId the {@code 29:...} id the Connector knows them by
   * @param conversationId their personal chat with the bot, or null when none is known yet
   */
  public record ConversationRef(
      String tenantId,
      String userId,
      String botFrameworkId,
      String userName,
      String serviceUrl,
      String botId,
      String conversationId) {}

  /**
   * Remembers where a user was last seen. A personal chat's id is kept; a message in a channel or
   * group chat updates the service URL but never replaces a known personal chat.
   */
  public void remember(ConversationRef ref) {
    database.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO conversation_ref (platform, workspace, user_id,"
                      + " platform_user_id, user_name, service_url, bot_id, conversation_id)"
                      + " VALUES ('teams', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, workspace,"
                      + " user_id) DO UPDATE SET platform_user_id = excluded.platform_user_id,"
                      + " user_name = excluded.user_name, service_url"
                      + " = excluded.service_url, bot_id = excluded.bot_id, conversation_id ="
                      + " COALESCE(excluded.conversation_id, conversation_ref.conversation_id),"
                      + " updated_at = "
                      + database.kind().nowText())) {
            statement.setString(1, ref.tenantId());
            statement.setString(2, ref.userId());
            statement.setString(3, ref.botFrameworkId());
            statement.setString(4, ref.userName());
            statement.setString(5, ref.serviceUrl());
            statement.setString(6, ref.botId());
            statement.setString(7, ref.conversationId());
            statement.executeUpdate();
          }
          return null;
        });
  }

  /** The user by their Entra object id or their Bot Framework id. */
  public Optional<ConversationRef> find(String tenantId, String userId) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT * FROM conversation_ref WHERE platform = 'teams' AND workspace = ?"
                      + " AND (user_id = ? OR platform_user_id = ?) ORDER BY updated_at DESC"
                      + " LIMIT 1")) {
            statement.setString(1, tenantId);
            statement.setString(2, userId);
            statement.setString(3, userId);
            return one(statement);
          }
        });
  }

  /** Anyone seen in the tenant: their service URL and bot id also reach colleagues. */
  public Optional<ConversationRef> anyInTenant(String tenantId) {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT * FROM conversation_ref WHERE platform = 'teams' AND workspace = ?"
                      + " ORDER BY updated_at DESC LIMIT 1")) {
            statement.setString(1, tenantId);
            return one(statement);
          }
        });
  }

  /** Whoever was seen last, in any tenant: the service URL and bot that reach a team's channel. */
  public Optional<ConversationRef> latest() {
    return database.withConnection(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT * FROM conversation_ref WHERE platform = 'teams'"
                      + " ORDER BY updated_at DESC LIMIT 1")) {
            return one(statement);
          }
        });
  }

  private static Optional<ConversationRef> one(PreparedStatement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new ConversationRef(
              rs.getString("workspace"),
              rs.getString("user_id"),
              rs.getString("platform_user_id"),
              rs.getString("user_name"),
              rs.getString("service_url"),
              rs.getString("bot_id"),
              rs.getString("conversation_id")));
    }
  }
}
