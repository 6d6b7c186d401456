package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalingcoach.conversation.AuditReplies;
import org.scalingcoach.conversation.Block;
import org.scalingcoach.conversation.Reply;

/** The one Adaptive Card renderer keeps within what Teams takes, whatever the core's reply. */
class TeamsRepliesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void a_reply_too_big_for_a_teams_message_is_cut_saying_so() {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      blocks.add(new Block.Text("Paragraph " + i + " " + "word ".repeat(200)));
    }

    ObjectNode card = TeamsReplies.card(Reply.of("long", blocks));

    assertThat(card.toString().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(TeamsReplies.MAX_CARD_BYTES + 200);
    JsonNode body = card.path("body");
    assertThat(body.size()).isLessThan(60);
    assertThat(body.get(body.size() - 1).path("text").asText()).contains("too long for Teams");
  }

  @Test
  void two_buttons_asking_for_the_same_text_get_their_own_inputs_and_read_back_as_the_key() {
    Reply menu =
        Reply.of(
            "menu",
            List.of(
                new Block.Text("One", AuditReplies.startButton("audit-one")),
                new Block.Text("Two", AuditReplies.startButton("audit-two"))));

    ObjectNode card = TeamsReplies.card(menu);

    List<String> ids = card.findValues("id").stream().map(JsonNode::asText).toList();
    assertThat(ids).containsExactly("subject", "subject.2");
    ObjectNode submitted =
        ((ObjectNode) card.findValues("data").get(1).deepCopy())
            .put("subject", "")
            .put("subject.2", "Churn model");
    var action = personalChat().clicked("audit-start", submitted).action();
    assertThat(action.value("type")).isEqualTo("audit-two");
    assertThat(action.value("subject")).isEqualTo("Churn model");
  }

  @Test
  void a_button_that_picks_a_conversation_is_left_out_where_a_card_cannot_pick_one() {
    Reply.Button share =
        Reply.Button.of("Share in a channel…", AuditReplies.SHARE, Map.of("audit", "7"))
            .asking(
                new Reply.Prompt(
                    "channel", "Share", "", "Share", false, 0, Reply.Prompt.Kind.CONVERSATION));
    Reply.Button export = Reply.Button.of("Export", AuditReplies.EXPORT, Map.of("audit", "7"));

    ObjectNode card =
        TeamsReplies.card(Reply.of("report", List.of(Block.Choices.row(List.of(share, export)))));

    assertThat(card.path("actions").findValuesAsText("title")).containsExactly("Export");
  }

  /** A message from Anna in her personal chat with the coach. */
  static TeamsActivity personalChat() {
    return new TeamsActivity(
        JSON.createObjectNode()
            .put("type", "message")
            .put("id", "1")
            .<ObjectNode>set("from", JSON.createObjectNode().put("id", "29:anna"))
            .<ObjectNode>set("recipient", JSON.createObjectNode().put("id", "28:coach"))
            .set("conversation", JSON.createObjectNode().put("id", "a:personal")));
  }
}
