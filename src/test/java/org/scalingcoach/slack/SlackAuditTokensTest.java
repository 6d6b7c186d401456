package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalingcoach.conversation.AuditReplies;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.conversation.Turn;

/** The core's audit buttons survive the trip through Slack's action ids and values. */
class SlackAuditTokensTest {

  private static Turn.Action roundTrip(Reply.Button button, int index) {
    SlackAuditTokens.Slack slack = SlackAuditTokens.of(button, index);
    return SlackAuditTokens.action(slack.actionId(), slack.value());
  }

  @Test
  void an_answer_button_comes_back_with_its_audit_revision_question_and_option() {
    Map<String, String> token =
        Map.of("audit", "12", "revision", "3", "question", "q-1", "option", "level-2");
    Reply.Button button = Reply.Button.of("Level 2", AuditReplies.ANSWER, token);

    Turn.Action back = roundTrip(button, 2);

    assertThat(SlackAuditTokens.of(button, 2).actionId()).isEqualTo("audit_answer_2");
    assertThat(back).isEqualTo(new Turn.Action(AuditReplies.ANSWER, token));
  }

  @Test
  void a_start_button_with_a_subject_starts_and_one_without_asks_for_the_subject() {
    Map<String, String> both = Map.of("type", "plan-for-mlops", "subject", "Churn: EMEA");
    Map<String, String> typeOnly = Map.of("type", "plan-for-mlops");

    assertThat(roundTrip(Reply.Button.of("Start", AuditReplies.START, both), 0).token())
        .isEqualTo(both);
    assertThat(SlackAuditTokens.of(Reply.Button.of("Start", AuditReplies.START, typeOnly), 0))
        .isEqualTo(new SlackAuditTokens.Slack("audit_start", "plan-for-mlops"));
  }

  @Test
  void a_resume_button_posted_by_an_earlier_release_with_a_bare_id_still_resumes() {
    Turn.Action resume = SlackAuditTokens.action("audit_resume", "42");

    assertThat(resume).isEqualTo(new Turn.Action(AuditReplies.RESUME, Map.of("audit", "42")));
  }

  @Test
  void an_action_id_that_is_not_an_audit_button_is_not_read_as_one() {
    assertThat(SlackAuditTokens.action("feedback_up", "x")).isNull();
  }
}
