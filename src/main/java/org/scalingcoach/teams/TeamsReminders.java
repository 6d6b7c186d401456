package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.ReminderDelivery;
import org.scalingcoach.audit.ReminderSchedule;
import org.scalingcoach.conversation.AuditTurns;
import org.scalingcoach.store.TeamsConversationStore;
import org.scalingcoach.store.TeamsConversationStore.ConversationRef;

/**
 * Delivers re-audit reminders and nudges to Teams users proactively, in their personal chat with
 * the bot: {@code POST {serviceUrl}/v3/conversations/{id}/activities}. Users are reached through
 * the conversation reference kept when they last wrote to the bot; a user known only by a mention
 * gets a personal chat opened through a colleague's service URL.
 */
final class TeamsReminders implements ReminderDelivery {
  private static final String MENTION_PREFIX = "29:";

  private final TeamsConversationStore conversations;
  private final ConnectorClient connector;
  private final AuditTurns turns;

  TeamsReminders(
      TeamsConversationStore conversations, ConnectorClient connector, AuditTurns turns) {
    this.conversations = conversations;
    this.connector = connector;
    this.turns = turns;
  }

  @Override
  public boolean reaches(String teamId, String userId) {
    return conversations.find(teamId, userId).isPresent()
        || (userId.startsWith(MENTION_PREFIX) && conversations.anyInTenant(teamId).isPresent());
  }

  @Override
  public void remind(ReminderSchedule schedule) {
    send(schedule.teamId(), schedule.ownerUserId(), TeamsReplies.card(turns.reminder(schedule)));
  }

  @Override
  public void nudge(AuditRecord audit) {
    send(audit.teamId(), audit.userId(), TeamsReplies.card(turns.nudge(audit)));
  }

  private void send(String tenantId, String userId, ObjectNode card) {
    ConversationRef ref = reference(tenantId, userId);
    try {
      String conversation = ref.conversationId();
      if (conversation == null) {
        conversation =
            connector.createConversation(
                ref.serviceUrl(), ref.botId(), ref.botFrameworkId(), tenantId);
        conversations.remember(
            new ConversationRef(
                tenantId,
                ref.userId(),
                ref.botFrameworkId(),
                ref.userName(),
                ref.serviceUrl(),
                ref.botId(),
                conversation));
      }
      connector.post(ref.serviceUrl(), conversation, message(ref, conversation, card));
    } catch (ConnectorException e) {
      throw new IllegalStateException(
          "could not message Teams user " + userId + ": " + e.getMessage(), e);
    }
  }

  /** The user's own reference, or a colleague's service URL and bot with the mentioned id. */
  private ConversationRef reference(String tenantId, String userId) {
    Optional<ConversationRef> own = conversations.find(tenantId, userId);
    if (own.isPresent()) {
      return own.get();
    }
    ConversationRef colleague =
        conversations
            .anyInTenant(tenantId)
            .orElseThrow(() -> new IllegalStateException("no Teams user known in " + tenantId));
    return new ConversationRef(
        tenantId, userId, userId, "", colleague.serviceUrl(), colleague.botId(), null);
  }

  private static ObjectNode message(ConversationRef ref, String conversation, ObjectNode card) {
    ObjectNode message = TeamsCards.message(ref.botId(), conversation, card);
    message.putObject("recipient").put("id", ref.botFrameworkId()).put("name", ref.userName());
    message
        .withObject("conversation")
        .put("conversationType", "personal")
        .put("tenantId", ref.tenantId());
    return message;
  }
}
