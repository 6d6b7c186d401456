package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.JsonNode;
import org.scalingcoach.conversation.ExpertReplies;
import org.scalingcoach.conversation.ExpertTurns;
import org.scalingcoach.conversation.Turn;
import org.scalingcoach.expert.ExpertQuestion.Asker;

/**
 * "Ask an expert" in Teams: the clicks on the offer and on the experts' card buttons ({@code
 * Action.Execute}, answered privately to the clicker), read into {@link Turn}s for the core's
 * {@link ExpertTurns}, which decide. What the cards offer is the core's ({@link ExpertReplies}).
 */
final class TeamsExperts {
  private final ExpertTurns experts;

  TeamsExperts(ExpertTurns experts) {
    this.experts = experts;
  }

  /** One expert button pressed; the returned text is shown to the clicker only. */
  String onAction(TeamsActivity activity, JsonNode data) {
    Turn click = activity.clicked(data.path(TeamsCards.ACTION).asText(""), data);
    if (click.action().name().equals(ExpertReplies.ASK)) {
      Asker asker =
          new Asker(
              TeamsBot.PLATFORM,
              activity.tenantId(),
              activity.userId(),
              activity.conversationId(),
              "");
      return experts.ask(asker, click.action()).message();
    }
    return experts.click(click, channel(activity)).message();
  }

  /** The channel a card was clicked in: Teams names it in channelData; chats have none. */
  static String channel(TeamsActivity activity) {
    String channel = activity.json().path("channelData").path("channel").path("id").asText("");
    if (!channel.isEmpty()) {
      return channel;
    }
    String conversation = activity.conversationId();
    int thread = conversation.indexOf(';');
    return thread < 0 ? conversation : conversation.substring(0, thread);
  }
}
