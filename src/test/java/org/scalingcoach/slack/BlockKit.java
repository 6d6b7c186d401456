package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import java.util.HashSet;
import java.util.Set;

/**
 * Slack's documented Block Kit limits, checked on the JSON the SDK sends: over any of them Slack
 * refuses the whole message ({@code invalid_blocks}) or view ({@code invalid_arguments}).
 */
final class BlockKit {
  static final int MESSAGE_BLOCKS = 50;
  static final int VIEW_BLOCKS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private BlockKit() {}

  /** The blocks, views or elements as Slack receives them. */
  static JsonNode json(Object blocks) {
    if (blocks instanceof JsonNode json) {
      return json;
    }
    try {
      return JSON.readTree(GsonFactory.createSnakeCase().toJson(blocks));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks a message's blocks. */
  static void message(Object blocks, String where) {
    JsonNode json = json(blocks);
    assertThat(json.size()).as("blocks in " + where).isLessThanOrEqualTo(MESSAGE_BLOCKS);
    blocks(json, where);
  }

  /** Checks a modal or App Home view. */
  static void view(Object view, String where) {
    JsonNode json = json(view);
    assertThat(json.path("blocks").size())
        .as("blocks in " + where)
        .isLessThanOrEqualTo(VIEW_BLOCKS);
    max(json.path("title").path("text"), 24, where + " title");
    max(json.path("submit").path("text"), 24, where + " submit");
    max(json.path("close").path("text"), 24, where + " close");
    max(json.path("private_metadata"), 3_000, where + " private_metadata");
    max(json.path("callback_id"), 255, where + " callback_id");
    blocks(json.path("blocks"), where);
  }

  private static void blocks(JsonNode blocks, String where) {
    Set<String> blockIds = new HashSet<>();
    for (JsonNode block : blocks) {
      String type = block.path("type").asText();
      String at = where + " " + type + " block";
      if (block.hasNonNull("block_id")) {
        max(block.path("block_id"), 255, at + " block_id");
        assertThat(blockIds.add(block.path("block_id").asText()))
            .as("block_id unique in " + where + ": " + block.path("block_id").asText())
            .isTrue();
      }
      switch (type) {
        case "section" -> {
          max(block.path("text").path("text"), 3_000, at + " text");
          assertThat(block.path("fields").size()).as(at + " fields").isLessThanOrEqualTo(10);
          block.path("fields").forEach(field -> max(field.path("text"), 2_000, at + " field"));
          element(block.path("accessory"), at);
        }
        case "header" -> max(block.path("text").path("text"), 150, at + " text");
        case "context" -> {
          assertThat(block.path("elements").size()).as(at + " elements").isLessThanOrEqualTo(10);
          block.path("elements").forEach(e -> max(e.path("text"), 3_000, at + " text"));
        }
        case "actions" -> {
          assertThat(block.path("elements").size()).as(at + " elements").isLessThanOrEqualTo(25);
          block.path("elements").forEach(e -> element(e, at));
        }
        case "image" -> {
          max(block.path("alt_text"), 2_000, at + " alt_text");
          max(block.path("image_url"), 3_000, at + " image_url");
        }
        case "input" -> {
          max(block.path("label").path("text"), 2_000, at + " label");
          max(block.path("hint").path("text"), 2_000, at + " hint");
          element(block.path("element"), at);
        }
        default -> {}
      }
      uniqueActionIds(block, at);
    }
  }

  /** Action ids must be unique in their block: Slack refuses a block that repeats one. */
  private static void uniqueActionIds(JsonNode block, String at) {
    Set<String> ids = new HashSet<>();
    for (JsonNode actionId : block.findValues("action_id")) {
      assertThat(ids.add(actionId.asText()))
          .as("action_id unique in " + at + ": " + actionId)
          .isTrue();
    }
  }

  private static void element(JsonNode element, String at) {
    if (element.isMissingNode()) {
      return;
    }
    max(element.path("action_id"), 255, at + " action_id");
    switch (element.path("type").asText()) {
      case "button" -> {
        max(element.path("text").path("text"), 75, at + " button text");
        max(element.path("value"), 2_000, at + " button value");
        max(element.path("url"), 3_000, at + " button url");
      }
      case "static_select", "overflow", "radio_buttons", "checkboxes" -> {
        assertThat(element.path("options").size()).as(at + " options").isLessThanOrEqualTo(100);
        for (JsonNode option : element.path("options")) {
          max(option.path("text").path("text"), 75, at + " option text");
          max(option.path("value"), 150, at + " option value");
        }
      }
      case "plain_text_input" -> {
        max(element.path("placeholder").path("text"), 150, at + " placeholder");
        assertThat(element.path("max_length").asInt(3_000)).isLessThanOrEqualTo(3_000);
      }
      default -> {}
    }
  }

  private static void max(JsonNode text, int limit, String what) {
    if (!text.isMissingNode() && !text.isNull()) {
      assertThat(text.asText().length()).as(what).isLessThanOrEqualTo(limit);
    }
  }
}
