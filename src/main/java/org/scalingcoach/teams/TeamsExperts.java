package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.scalingcoach.conversation.ExpertReplies;
import org.scalingcoach.expert.ExpertChannel;
import org.scalingcoach.expert.ExpertDesk.Expert;
import org.scalingcoach.expert.ExpertDesk.Outcome;
import org.scalingcoach.expert.ExpertQuestion.Asker;
import org.scalingcoach.expert.ExpertRelay;
import org.scalingcoach.knowledge.Topic;

/**
 * "Ask an expert" in Teams: the clicks on the offer and on the experts' card buttons ({@code
 * Action.Execute}, answered privately to the clicker), translated for the {@link ExpertRelay}'s
 * desk, which decides. What the cards offer is the core's ({@link ExpertReplies}).
 */
final class TeamsExperts {
  private final ExpertRelay experts;

  TeamsExperts(ExpertRelay experts) {
    this.experts = experts;
  }

  boolean available() {
    return experts.available();
  }

  static boolean handles(String action) {
    return action.startsWith("expert_");
  }

  /** One expert button pressed; the returned text is shown to the clicker only. */
  String onAction(TeamsActivity activity, JsonNode data) {
    String action = data.path(TeamsCards.ACTION).asText("");
    // Cards sent before each input had its own id carry the plain one.
    String text = data.path(ExpertReplies.inputKey(action)).asText(data.path("text").asText(""));
    if (action.equals(ExpertReplies.ASK)) {
      return ask(activity, data, text);
    }
    long id = data.path("id").asLong(-1);
    Expert expert = new Expert(new ExpertChannel("teams", channel(activity)), activity.userId());
    Outcome outcome =
        switch (action) {
          case ExpertReplies.CLAIM -> experts.claim(id, expert);
          case ExpertReplies.ANSWER -> experts.answer(id, expert, text);
          case ExpertReplies.NOT_FOR_US -> experts.notForUs(id, expert, text);
          case ExpertReplies.DRAFT -> experts.draft(id, activity.tenantId(), activity.userId());
          default -> new Outcome(Optional.empty(), false, "That button no longer works.");
        };
    return outcome.message();
  }

  private String ask(TeamsActivity activity, JsonNode data, String context) {
    String question = data.path("question").asText("").strip();
    if (question.isEmpty()) {
      return "I could not read the question; please ask it again.";
    }
    Asker asker =
        new Asker("teams", activity.tenantId(), activity.userId(), activity.conversationId(), "");
    String sources = data.path("sources").asText("");
    Outcome outcome =
        experts.ask(
            asker,
            question,
            context,
            data.path("answer").asText(""),
            sources.isBlank() ? List.of() : Arrays.asList(sources.split("\n")),
            Topic.fromId(data.path("topic").asText("")));
    return outcome.message();
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
