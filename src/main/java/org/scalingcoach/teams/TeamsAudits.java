package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.scalingcoach.conversation.AuditTurns;
import org.scalingcoach.conversation.AuditView;
import org.scalingcoach.conversation.Command;
import org.scalingcoach.conversation.Outbox;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.conversation.Turn;
import org.scalingcoach.store.TeamsConversationStore;

/**
 * Guided audits in Teams: typed {@code audit …} messages and card clicks go to the core's {@link
 * AuditTurns} as {@link Turn}s; its replies come back as cards and messages.
 */
final class TeamsAudits {
  private final AuditTurns turns;

  TeamsAudits(AuditTurns turns) {
    this.turns = turns;
  }

  /** How the core knows Teams users: by the names and Entra ids kept with their chats. */
  static AuditTurns.People people(TeamsConversationStore conversations) {
    return new AuditTurns.People() {
      @Override
      public Optional<String> name(String workspace, String user) {
        return conversations
            .find(workspace, user)
            .map(TeamsConversationStore.ConversationRef::userName);
      }

      @Override
      public String userId(String workspace, String mentioned) {
        return conversations
            .find(workspace, mentioned)
            .map(TeamsConversationStore.ConversationRef::userId)
            .orElse(mentioned);
      }
    };
  }

  /** True for the data of audit buttons. */
  static boolean handles(String action) {
    return action.startsWith("audit-");
  }

  /**
   * A typed {@code audit ...} message the conversation service allowed, its replies placed in
   * {@code out}. In Teams the slow replies go to the same chat, so they follow at once.
   */
  void command(TeamsActivity activity, Command.Audit command, Outbox out) {
    AuditTurns.Outcome outcome =
        turns.command(activity.typed(activity.plainText()), command, activity.mentionedUsers());
    turns.place(outcome.now(), out);
    if (outcome.later() != null) {
      turns.place(outcome.later().get(), out);
    }
  }

  /** A click on an audit button: the replies, in order. */
  List<Reply> click(Turn click) {
    return turns.click(click);
  }

  /** The reply as the messages Teams shows: a card, or the exports as text messages. */
  static List<ObjectNode> messages(TeamsActivity activity, Reply reply) {
    if (reply.view() instanceof AuditView.Exports exports) {
      return TeamsExports.messages(exports.report()).stream()
          .map(m -> activity.replyWithText(m.path("textFormat").asText(), m.path("text").asText()))
          .toList();
    }
    return List.of(activity.replyWithCard(TeamsReplies.card(reply)));
  }

  static ObjectNode card(Reply reply) {
    return TeamsReplies.card(reply);
  }
}
