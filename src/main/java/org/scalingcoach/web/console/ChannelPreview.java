package org.scalingcoach.web.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.slack.AnswerBlocks;
import org.scalingcoach.teams.TeamsCards;

/**
 * An answer as Slack and Teams would show it: the same Block Kit blocks and Adaptive Card the bots
 * send, listed block by block, with the raw JSON for the curious.
 */
public record ChannelPreview(
    List<Block> slack, String slackJson, List<Block> teams, String teamsJson) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One block: text (markup as the platform reads it), small print, or a row of buttons. */
  public record Block(String kind, String text, List<String> buttons) {}

  public static ChannelPreview of(Answer answer) {
    List<LayoutBlock> blocks = AnswerBlocks.answer(answer, "preview", AnswerBlocks.Options.PLAIN);
    List<Block> slack = new ArrayList<>();
    for (LayoutBlock block : blocks) {
      if (block instanceof SectionBlock section && section.getText() != null) {
        slack.add(new Block("text", section.getText().getText(), List.of()));
      } else if (block instanceof ContextBlock context) {
        StringBuilder text = new StringBuilder();
        context.getElements().stream()
            .filter(MarkdownTextObject.class::isInstance)
            .forEach(e -> text.append(((MarkdownTextObject) e).getText()).append("  "));
        slack.add(new Block("small", text.toString().strip(), List.of()));
      } else if (block instanceof ActionsBlock actions) {
        List<String> labels =
            actions.getElements().stream()
                .filter(ButtonElement.class::isInstance)
                .map(e -> ((ButtonElement) e).getText().getText())
                .toList();
        slack.add(new Block("buttons", "", labels));
      }
    }
    ObjectNode card = TeamsCards.answer(answer);
    List<Block> teams = new ArrayList<>();
    for (JsonNode element : card.path("body")) {
      String kind = element.path("isSubtle").asBoolean(false) ? "small" : "text";
      teams.add(new Block(kind, element.path("text").asText(""), List.of()));
    }
    List<String> actions = new ArrayList<>();
    card.path("actions").forEach(a -> actions.add(a.path("title").asText("")));
    if (!actions.isEmpty()) {
      teams.add(new Block("buttons", "", actions));
    }
    String slackJson = GsonFactory.createSnakeCase().toJson(blocks);
    String teamsJson;
    try {
      teamsJson = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(card);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      teamsJson = card.toString();
    }
    return new ChannelPreview(slack, prettySlack(slackJson), teams, teamsJson);
  }

  private static String prettySlack(String json) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return json;
    }
  }
}
