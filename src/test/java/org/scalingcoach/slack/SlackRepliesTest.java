package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingcoach.conversation.Reply;

/** The one Slack renderer of the core's neutral replies keeps within Block Kit's limits. */
class SlackRepliesTest {

  @Test
  void should_split_a_long_reply_into_sections_slack_accepts() {
    String paragraph =
        "- 3× _where is the VPN guide for the EMEA office?_ " + "and more ".repeat(40);
    String markdown = String.join("\n\n", Collections.nCopies(40, paragraph));
    Reply reply =
        new Reply(
            "**Insights: last 30 days**\n\n" + markdown,
            List.of(),
            List.of(),
            List.of(),
            List.of("Broken files were skipped. " + "x".repeat(4_000)),
            null,
            false);

    var blocks = SlackReplies.blocks(reply);

    BlockKit.message(blocks, "a long reply");
    assertThat(blocks).hasSizeGreaterThan(2);
    assertThat(BlockKit.json(blocks).toString()).contains("*Insights: last 30 days*");
  }

  @Test
  void should_cut_a_reply_longer_than_a_message_can_hold_and_say_so() {
    String paragraph = "y".repeat(2_800);
    Reply reply = Reply.text(String.join("\n\n", Collections.nCopies(80, paragraph)));

    var blocks = SlackReplies.blocks(reply);

    BlockKit.message(blocks, "a very long reply");
    assertThat(BlockKit.json(blocks).toString()).contains("too long for Slack");
  }

  @Test
  void should_escape_what_slack_treats_as_control_characters() {
    String text = SlackReplies.text(Reply.text("Ask <!channel> & **me**"));

    assertThat(text).isEqualTo("Ask &lt;!channel&gt; &amp; *me*");
  }

  @Test
  void only_the_cores_mention_of_a_person_becomes_a_slack_mention() {
    var person = new org.scalingcoach.conversation.Reply.Person("U0ADA", "Ada", false);
    String mention =
        SlackReplies.text(
            Reply.text("Asked by " + org.scalingcoach.conversation.Markdown.person(person)));
    var answer =
        new org.scalingcoach.answer.Answer(
            "who?", true, null, "Ask [Ada](coach-mention:U0ADA) about it.", List.of(), List.of());
    String answered =
        SlackReplies.text(org.scalingcoach.conversation.AnswerReplies.of(answer, "a1"));

    assertThat(mention).isEqualTo("Asked by <@U0ADA>");
    assertThat(answered).doesNotContain("<@U0ADA>").contains("Ada");
  }
}
