package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalingcoach.expert.ExpertQuestion;

/** Adaptive Cards for "Ask an expert": the offer with its context input, the experts' card. */
final class ExpertCards {
  static final String VERB = "expert";
  static final String ASK = "expert_ask";
  static final String ANSWER = "expert_answer";
  static final String NOT_FOR_US = "expert_not_for_us";
  static final String CLAIM = "expert_claim";
  static final String DRAFT = "expert_draft";
  static final String INPUT = "text";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ExpertCards() {}

  /**
   * Adds "Ask an expert" to {@code card}: it opens an input for a line of context and sends the
   * question, its topic and the coach's answer with the chosen button.
   */
  static ObjectNode withAsk(
      ObjectNode card, String question, String topic, String coachAnswer, String sources) {
    ObjectNode data = NODES.objectNode().put(TeamsCards.ACTION, ASK).put("question", question);
    data.put("topic", topic);
    data.put("answer", coachAnswer);
    data.put("sources", sources);
    card.withArray("actions")
        .add(
            showCard(
                "🧑‍🏫 Ask an expert",
                "Anything that helps them answer? (optional)",
                "Send",
                data));
    return card;
  }

  /** The experts' card: who asked, the question, context, the coach's answer and buttons. */
  static ObjectNode question(ExpertQuestion q, String status, boolean open) {
    ObjectNode card = TeamsCards.card();
    ArrayNode body = card.withArray("body");
    String who =
        q.asker().platform().equals("teams") ? q.asker().user() : q.asker().user() + " (in Slack)";
    body.add(TeamsCards.text("❓ **" + who + "** asked the experts (" + q.route() + "):"));
    body.add(TeamsCards.text("**" + q.question() + "**"));
    if (!q.context().isBlank()) {
      body.add(TeamsCards.text("Context: " + q.context()).put("isSubtle", true));
    }
    if (!q.coachAnswer().isBlank()) {
      body.add(TeamsCards.text("**The coach said:**").put("separator", true));
      body.add(TeamsCards.text(TeamsCards.adaptiveMarkdown(q.coachAnswer())));
      if (!q.sources().isEmpty()) {
        body.add(
            TeamsCards.text("Sources: " + String.join("; ", q.sources()))
                .put("size", "Small")
                .put("isSubtle", true));
      }
    }
    if (status != null && !status.isEmpty()) {
      body.add(TeamsCards.text(status).put("separator", true));
    }
    ArrayNode actions = card.putArray("actions");
    ObjectNode id = NODES.objectNode().put("id", q.id());
    if (open) {
      actions.add(
          showCard(
              "Answer",
              "Your answer; the person who asked gets it, with your name",
              "Send answer",
              id.deepCopy().put(TeamsCards.ACTION, ANSWER)));
      actions.add(
          showCard(
              "Not for us",
              "Why not? The person who asked is told (optional)",
              "Send",
              id.deepCopy().put(TeamsCards.ACTION, NOT_FOR_US)));
      actions.add(execute("Claim", id.deepCopy().put(TeamsCards.ACTION, CLAIM)));
    } else if (q.state() == ExpertQuestion.State.ANSWERED && q.draft().isEmpty()) {
      actions.add(execute("Draft knowledge (admins)", id.deepCopy().put(TeamsCards.ACTION, DRAFT)));
    }
    return card;
  }

  /** The expert's answer for the employee, above the usual answer card. */
  static ObjectNode delivered(ExpertQuestion q, ObjectNode answerCard) {
    ArrayNode body = answerCard.withArray("body");
    body.insert(
        0,
        TeamsCards.text(
                "🧑‍🏫 **"
                    + q.answeredBy().orElse("An expert")
                    + "** answered your question: _"
                    + q.question()
                    + "_")
            .put("isSubtle", true));
    return answerCard;
  }

  private static ObjectNode showCard(String title, String label, String send, ObjectNode data) {
    ObjectNode inner = TeamsCards.card();
    inner.remove("msteams");
    inner
        .withArray("body")
        .addObject()
        .put("type", "Input.Text")
        // Each input needs its own id in the card (Answer and Not for us share one card): Teams
        // merges every input of the card into the clicked button's data.
        .put("id", inputId(data.path(TeamsCards.ACTION).asText()))
        .put("label", label)
        .put("isMultiline", true)
        .put("maxLength", 3000);
    inner.putArray("actions").add(execute(send, data));
    ObjectNode action = NODES.objectNode();
    action.put("type", "Action.ShowCard");
    action.put("title", title);
    action.set("card", inner);
    return action;
  }

  /** The id of the text input that goes with the button whose action is {@code action}. */
  static String inputId(String action) {
    return INPUT + "_" + action;
  }

  private static ObjectNode execute(String title, ObjectNode data) {
    ObjectNode action = NODES.objectNode();
    action.put("type", "Action.Execute");
    action.put("title", title);
    action.put("verb", VERB);
    action.set("data", data);
    return action;
  }
}
