package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.scalingcoach.conversation.ConversationService;
import org.scalingcoach.conversation.Outbox;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.conversation.Route;
import org.scalingcoach.conversation.Turn;
import org.scalingcoach.store.TeamsConversationStore;
import org.scalingcoach.store.TeamsConversationStore.ConversationRef;

/**
 * What the coach does with each kind of Teams activity: answers questions, greets when added, and
 * handles the buttons of its cards. Only translation happens here; answers come from the core.
 */
public final class TeamsBot {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TeamsBot.class);

  static final String PLATFORM = "teams";

  private final ConnectorClient connector;
  private final TeamsAudits audits;
  private final ConversationService conversation;
  private final TeamsConversationStore conversations;
  private volatile TeamsExperts experts;

  /**
   * @param audits the guided audits in Teams, or null when the coach runs without them
   * @param conversation the conversation service: grammar, policy, help and admin commands
   */
  public TeamsBot(
      ConnectorClient connector,
      TeamsConversationStore conversations,
      TeamsAudits audits,
      ConversationService conversation) {
    this.conversation = conversation;
    this.conversations = conversations;
    this.connector = connector;
    this.audits = audits;
  }

  /** Turns on "Ask an expert": offers, expert buttons and {@code my questions}. */
  void withExperts(TeamsExperts experts) {
    this.experts = experts;
  }

  /** A message: a question typed by the user, or the data of an {@code Action.Submit} button. */
  public void onMessage(TeamsActivity activity) throws ConnectorException {
    remember(activity);
    JsonNode value = activity.value();
    if (value.isObject() && value.hasNonNull(TeamsCards.ACTION)) {
      onCardAction(activity, value);
      return;
    }
    String text = activity.plainText();
    Outbox out = replies(activity);
    Route route = conversation.converse(activity.typed(text), out);
    if (route instanceof Route.Audit audit && audits != null) {
      audits.command(activity, audit.command(), out);
    }
  }

  /**
   * The replies to one activity, each a card (or the exports as text messages) in reply to it; one
   * that replaces the clicked card updates it, and a report's summary follows as its own card.
   */
  private Outbox replies(TeamsActivity activity) {
    return new Outbox() {
      @Override
      public void send(Reply reply) {
        try {
          TeamsBot.this.send(activity, TeamsAudits.messages(activity, reply));
        } catch (ConnectorException e) {
          throw new IllegalStateException("Teams Connector call failed: " + e.getMessage(), e);
        }
      }

      @Override
      public void replace(Reply reply) {
        try {
          replaceCard(activity, TeamsReplies.card(reply));
        } catch (ConnectorException e) {
          throw new IllegalStateException("Teams Connector call failed: " + e.getMessage(), e);
        }
      }

      @Override
      public void summarised(Reply report, Reply summary) {
        replyQuietly(activity, TeamsReplies.card(summary));
      }
    };
  }

  /**
   * Keeps where the sender can be reached later. Only a personal chat is kept as the place for
   * reminders: a channel is public.
   */
  private void remember(TeamsActivity activity) {
    if (activity.tenantId().isEmpty() || activity.botFrameworkUserId().isEmpty()) {
      return;
    }
    boolean personal = activity.conversationType().equals("personal");
    conversations.remember(
        new ConversationRef(
            activity.tenantId(),
            activity.userId(),
            activity.botFrameworkUserId(),
            activity.userName(),
            activity.serviceUrl(),
            activity.botId(),
            personal ? activity.conversationId() : null));
  }

  /** Members joined a conversation: greet it when the coach itself is among them. */
  public void onConversationUpdate(TeamsActivity activity) throws ConnectorException {
    if (activity.membersAdded().contains(activity.botId())) {
      remember(activity);
      connector.post(
          activity.serviceUrl(),
          activity.conversationId(),
          activity.messageWithCard(TeamsCards.welcome()));
    }
  }

  /**
   * An invoke, answered in the HTTP response: {@code adaptiveCard/action} is an {@code
   * Action.Execute} button.
   */
  public ObjectNode onInvoke(TeamsActivity activity) {
    if (!"adaptiveCard/action".equals(activity.name())) {
      return invokeError(501, "NotImplemented", "The coach does not handle " + activity.name());
    }
    JsonNode action = activity.value().path("action");
    String verb = action.path("verb").asText("");
    JsonNode data = action.path("data");
    if ("feedback".equals(verb)) {
      Reply thanks = conversation.feedback(activity.clicked("feedback", data));
      if (!thanks.allButtons().isEmpty()) {
        // What the thanks offers (such as "Ask an expert" after a 👎) follows as its own card.
        replyQuietly(activity, TeamsReplies.card(thanks));
      }
      return messageResponse(thanks.markdown());
    }
    if (experts != null && TeamsReplies.EXPERT_VERB.equals(verb)) {
      return messageResponse(experts.onAction(activity, data));
    }
    String button = data.path(TeamsCards.ACTION).asText("");
    if (conversation.route(activity.clicked(button, data)) instanceof Route.Say refused) {
      return cardResponse(TeamsReplies.card(refused.reply()));
    }
    if (audits != null && TeamsAudits.handles(button)) {
      // An invoke is answered with one card: the first reply, in place of the clicked one.
      return cardResponse(TeamsAudits.card(audits.click(activity.clicked(button, data)).get(0)));
    }
    return invokeError(400, "BadRequest", "Unknown card action " + verb);
  }

  private void onCardAction(TeamsActivity activity, JsonNode data) throws ConnectorException {
    Turn click = activity.clicked(data.path(TeamsCards.ACTION).asText(), data);
    if (conversation.converse(click, replies(activity)) instanceof Route.Click) {
      // An expert's button submitted as a message: Teams' expert buttons are Action.Execute.
      reply(activity, TeamsCards.notice(ConversationService.BUTTON_GONE));
    }
  }

  /** Replies to the activity with a card. */
  private void replyQuietly(TeamsActivity activity, ObjectNode card) {
    try {
      reply(activity, card);
    } catch (ConnectorException e) {
      log.warn("could not send a follow-up card to Teams: {}", e.getMessage());
    }
  }

  void reply(TeamsActivity activity, ObjectNode card) throws ConnectorException {
    connector.reply(
        activity.serviceUrl(),
        activity.conversationId(),
        activity.id(),
        activity.replyWithCard(card));
  }

  /** Sends replies in order, each a card or a text message. */
  private void send(TeamsActivity activity, List<ObjectNode> replies) throws ConnectorException {
    for (ObjectNode reply : replies) {
      connector.reply(activity.serviceUrl(), activity.conversationId(), activity.id(), reply);
    }
  }

  /** Shows the next card in place of the one whose button was pressed (or below it). */
  private void replaceCard(TeamsActivity activity, ObjectNode card) throws ConnectorException {
    if (activity.replyToId().isEmpty()) {
      reply(activity, card);
      return;
    }
    connector.update(
        activity.serviceUrl(),
        activity.conversationId(),
        activity.replyToId(),
        activity.messageWithCard(card));
  }

  private static ObjectNode cardResponse(ObjectNode card) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("statusCode", 200);
    response.put("type", TeamsCards.CONTENT_TYPE);
    response.set("value", card);
    return response;
  }

  private static ObjectNode messageResponse(String message) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("statusCode", 200);
    response.put("type", "application/vnd.microsoft.activity.message");
    response.put("value", message);
    return response;
  }

  private static ObjectNode invokeError(int status, String code, String message) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("statusCode", status);
    response.put("type", "application/vnd.microsoft.error");
    response.putObject("value").put("code", code).put("message", message);
    return response;
  }
}
