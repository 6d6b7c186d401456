package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.EvaluationSet;
import org.scalingcoach.answer.Question;

/**
 * Slack refuses a whole message when one block breaks Block Kit's limits (invalid_blocks), so every
 * answer to every labelled question must stay inside them.
 */
class BlockKitLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(List<?> blocks) throws Exception {
    return JSON.readTree(GsonFactory.createSnakeCase().toJson(blocks));
  }

  private static void assertWithinLimits(JsonNode blocks, String question) {
    assertThat(blocks.size()).as("blocks of: " + question).isLessThanOrEqualTo(50);
    for (JsonNode block : blocks) {
      if (block.path("type").asText().equals("section")) {
        assertThat(block.path("text").path("text").asText().length())
            .as("section text of: " + question)
            .isLessThanOrEqualTo(3_000);
      }
      if (block.path("type").asText().equals("context")) {
        assertThat(block.path("elements").size()).isLessThanOrEqualTo(10);
      }
      for (JsonNode element : block.path("elements")) {
        if (element.path("type").asText().equals("button")) {
          assertThat(element.path("text").path("text").asText().length())
              .as("button label of: " + question)
              .isLessThanOrEqualTo(75);
          assertThat(element.path("value").asText().length())
              .as("button value of: " + question)
              .isLessThanOrEqualTo(2_000);
          assertThat(element.path("action_id").asText().length()).isLessThanOrEqualTo(255);
        }
      }
      assertThat(block.path("block_id").asText().length()).isLessThanOrEqualTo(255);
    }
  }

  @Test
  void should_keep_every_answer_to_the_labelled_questions_within_block_kit_limits()
      throws Exception {
    List<EvaluationSet.Item> items = EvaluationSet.load().items();

    for (EvaluationSet.Item item : items) {
      Answer answer = TestCore.shared().answers().answer(Question.of(item.question()));
      JsonNode blocks =
          json(
              AnswerBlocks.answer(
                  answer, "a".repeat(36), new AnswerBlocks.Options("U012AB3CDEF", true)));
      assertWithinLimits(blocks, item.question());
    }
    assertThat(items).hasSizeGreaterThan(100);
  }

  @Test
  void should_keep_an_answer_to_a_very_long_question_within_block_kit_limits() throws Exception {
    String question = "How do we detect model drift " + "in our churn model ".repeat(200) + "?";

    Answer answer = TestCore.shared().answers().answer(Question.of(question));

    assertWithinLimits(
        json(AnswerBlocks.answer(answer, "a".repeat(36), AnswerBlocks.Options.PLAIN)), "long");
  }
}
