package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.conversation.SampleAnswer;
import org.scalingcoach.knowledge.Topic;

class TeamsCardsTest {
  private static final Answer ANSWER = SampleAnswer.DRIFT;

  @Test
  void should_render_an_answer_as_an_adaptive_card_teams_can_show() {
    JsonNode card = TeamsCards.answer(ANSWER);

    assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.path("version").asText()).isEqualTo("1.5");
    assertThat(card.path("body").get(0).path("text").asText())
        .isEqualTo(
            "Watch the input distribution against training data. [1]\n- Track live accuracy. [2]");
  }

  @Test
  void should_number_the_sources_like_the_markers_in_the_text() {
    JsonNode card = TeamsCards.answer(ANSWER);

    assertThat(card.path("body").findValuesAsText("text"))
        .contains(
            "[1] Detecting drift › Signals of drift", "[2] Monitoring models › Live accuracy");
  }

  @Test
  void should_offer_follow_ups_and_feedback_that_carries_the_question_and_top_source() {
    JsonNode card = TeamsCards.answer(ANSWER);
    JsonNode actions = card.path("actions");
    JsonNode followUp = null;
    for (JsonNode element : card.path("body")) {
      if (element.path("type").asText().equals("Container") && followUp == null) {
        // one wrapped line per follow-up: a button title would be cut off
        assertThat(element.path("items").get(0).path("wrap").asBoolean()).isTrue();
        assertThat(element.path("items").get(0).path("text").asText())
            .endsWith("Tell me about retraining schedules");
        followUp = element.path("selectAction");
      }
    }

    assertThat(followUp.path("type").asText()).isEqualTo("Action.Submit");
    assertThat(followUp.path("data").path("question").asText())
        .isEqualTo("Tell me about retraining schedules");
    assertThat(actions).hasSize(2); // 👍 and 👎 alone on the card's action row
    JsonNode down = actions.get(1);
    assertThat(down.path("type").asText()).isEqualTo("Action.Execute");
    assertThat(down.path("verb").asText()).isEqualTo("feedback");
    assertThat(down.path("data").path("vote").asText()).isEqualTo("down");
    assertThat(down.path("data").path("source").asText())
        .isEqualTo("drift-detection#signals-of-drift");
    assertThat(down.path("data").path("question").asText()).isEqualTo(ANSWER.question());
  }

  @Test
  void should_not_ask_for_feedback_on_an_out_of_scope_reply() {
    JsonNode card = TeamsCards.answer(ExtractiveAnswerEngine.outOfScope("Weather in Paris?"));

    assertThat(card.path("actions").findValuesAsText("verb")).isEmpty();
    assertThat(card.path("body").findValuesAsText("text")).doesNotContain("**Sources**");
  }

  @Test
  void should_turn_headings_into_bold_lines_since_cards_have_no_headings() {
    assertThat(TeamsCards.adaptiveMarkdown("## Next steps\n* one\n* two"))
        .isEqualTo("**Next steps**\n- one\n- two");
  }

  @Test
  void should_welcome_with_every_topic() throws Exception {
    String welcome = new ObjectMapper().writeValueAsString(TeamsCards.welcome());

    for (Topic topic : Topic.values()) {
      assertThat(welcome).contains(topic.label());
    }
  }
}
