package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalingcoach.conversation.ExpertReplies;
import org.scalingcoach.expert.ExpertMessenger;
import org.scalingcoach.expert.ExpertQuestion;
import org.scalingcoach.store.TeamsConversationStore;
import org.scalingcoach.store.TeamsConversationStore.ConversationRef;

/**
 * Expert questions in Teams, through the Bot Connector: a new thread in the experts' channel
 * ({@code channel|activity} is its reference), updated in place, and the answer posted in the
 * employee's chat. The service URL is the one Teams last sent us: a bot has one per region.
 */
final class TeamsExpertMessenger implements ExpertMessenger {
  private final ConnectorClient connector;
  private final TeamsConversationStore conversations;

  TeamsExpertMessenger(ConnectorClient connector, TeamsConversationStore conversations) {
    this.connector = connector;
    this.conversations = conversations;
  }

  @Override
  public String platform() {
    return "teams";
  }

  @Override
  public String post(ExpertQuestion q) {
    String channel = q.channel().orElseThrow().id();
    ConversationRef via = anyone();
    String id =
        call(
            () ->
                connector.post(
                    via.serviceUrl(),
                    channel,
                    message(
                        via,
                        channel,
                        TeamsReplies.card(ExpertReplies.question(q, null, true, "teams")))));
    return channel + "|" + id;
  }

  @Override
  public void update(ExpertQuestion q, String status, boolean open) {
    String[] ref = q.expertMessage().orElseThrow().split("\\|", 2);
    ConversationRef via = anyone();
    call(
        () -> {
          connector.update(
              via.serviceUrl(),
              ref[0],
              ref[1],
              message(
                  via,
                  ref[0],
                  TeamsReplies.card(ExpertReplies.question(q, status, open, "teams"))));
          return null;
        });
  }

  @Override
  public void deliver(ExpertQuestion q) {
    toAsker(q, TeamsReplies.card(ExpertReplies.delivered(q, "", "teams")));
  }

  @Override
  public void tell(ExpertQuestion q, String text) {
    toAsker(q, TeamsCards.notice(text));
  }

  @Override
  public void remind(ExpertQuestion q) {
    String[] ref = q.expertMessage().orElseThrow().split("\\|", 2);
    ConversationRef via = anyone();
    String thread = ref[0] + ";messageid=" + ref[1];
    call(
        () ->
            connector.post(
                via.serviceUrl(),
                thread,
                message(via, thread, TeamsCards.notice(ExpertReplies.OVERDUE))));
  }

  private void toAsker(ExpertQuestion q, ObjectNode card) {
    ConversationRef ref =
        conversations.find(q.asker().workspace(), q.asker().user()).orElseGet(this::anyone);
    String conversation = q.asker().conversation();
    call(() -> connector.post(ref.serviceUrl(), conversation, message(ref, conversation, card)));
  }

  private ConversationRef anyone() {
    return conversations
        .latest()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no Teams conversation seen yet: the bot cannot reach an experts channel"
                        + " before Teams has sent it a message"));
  }

  private static ObjectNode message(ConversationRef via, String conversation, ObjectNode card) {
    return TeamsCards.message(via.botId(), conversation, card);
  }

  private interface ConnectorCall<T> {
    T run() throws ConnectorException;
  }

  private static <T> T call(ConnectorCall<T> call) {
    try {
      return call.run();
    } catch (ConnectorException e) {
      throw new IllegalStateException("Teams Connector call failed: " + e.getMessage(), e);
    }
  }
}
