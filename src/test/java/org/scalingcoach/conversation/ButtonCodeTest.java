package org.scalingcoach.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The core's buttons survive the trip through two short strings, old forms included. */
class ButtonCodeTest {

  private static Turn.Action roundTrip(Reply.Button button, int index) {
    ButtonCode code = ButtonCode.of(button, index);
    return ButtonCode.action(code.id(), code.value()).orElseThrow();
  }

  @Test
  void an_answer_button_comes_back_with_its_audit_revision_question_and_option() {
    Map<String, String> token =
        Map.of("audit", "12", "revision", "3", "question", "q-1", "option", "level-2");
    Reply.Button button = Reply.Button.of("Level 2", AuditReplies.ANSWER, token);

    Turn.Action back = roundTrip(button, 2);

    assertThat(ButtonCode.of(button, 2).id()).isEqualTo("audit_answer_2");
    assertThat(back).isEqualTo(new Turn.Action(AuditReplies.ANSWER, token));
  }

  @Test
  void a_start_button_with_a_subject_starts_and_one_without_asks_for_the_subject() {
    Map<String, String> both = Map.of("type", "plan-for-mlops", "subject", "Churn: EMEA");
    Map<String, String> typeOnly = Map.of("type", "plan-for-mlops");

    assertThat(roundTrip(Reply.Button.of("Start", AuditReplies.START, both), 0).token())
        .isEqualTo(both);
    assertThat(ButtonCode.of(Reply.Button.of("Start", AuditReplies.START, typeOnly), 0))
        .isEqualTo(new ButtonCode("audit_start", "plan-for-mlops"));
  }

  @Test
  void a_resume_button_posted_by_an_earlier_release_with_a_bare_id_still_resumes() {
    Turn.Action resume = ButtonCode.action("audit_resume", "42").orElseThrow();

    assertThat(resume).isEqualTo(new Turn.Action(AuditReplies.RESUME, Map.of("audit", "42")));
  }

  @Test
  void an_action_id_that_is_not_an_audit_button_is_not_read_as_one() {
    assertThat(ButtonCode.action("feedback_up", "x")).isEmpty();
  }

  @Test
  void votes_follow_ups_examples_and_expert_buttons_come_back_as_the_core_gave_them() {
    Reply.Button up =
        Reply.Button.of("👍", AnswerReplies.FEEDBACK, Map.of("vote", "up", "answer", "a-1"));
    Reply.Button followUp =
        Reply.Button.of("And who?", AnswerReplies.ASK, Map.of("question", "And who?"));
    Reply.Button example =
        Reply.Button.of(
            "Drift?", AnswerReplies.ASK, Map.of("question", "Drift?", Welcome.EXAMPLE, "true"));
    Reply.Button claim = Reply.Button.of("Claim", ExpertReplies.CLAIM, Map.of("id", "7"));
    Reply.Button offer =
        Reply.Button.of("Ask an expert", ExpertReplies.ASK, Map.of("answerId", "a-1"));

    assertThat(ButtonCode.of(up, 0)).isEqualTo(new ButtonCode(ButtonCode.FEEDBACK_UP, "a-1"));
    assertThat(ButtonCode.of(followUp, 1).id()).isEqualTo(ButtonCode.FOLLOW_UP_PREFIX + "1");
    assertThat(ButtonCode.of(example, 0).id()).isEqualTo(ButtonCode.ASK_EXAMPLE_PREFIX + "0");
    for (Reply.Button button : java.util.List.of(up, followUp, example, claim, offer)) {
      assertThat(roundTrip(button, 1)).isEqualTo(button.action());
    }
  }

  @Test
  void slacks_own_thumbs_carry_the_vote_in_the_value() {
    Reply.Button down =
        Reply.Button.of("👎", AnswerReplies.FEEDBACK, Map.of("vote", "down", "answer", "a-9"));

    assertThat(ButtonCode.action(ButtonCode.FEEDBACK_BUTTONS, ButtonCode.nativeVote(down)))
        .contains(down.action());
    assertThat(ButtonCode.action(ButtonCode.FEEDBACK_BUTTONS, "sideways:a-9")).isEmpty();
  }

  @Test
  void an_id_that_only_looks_like_a_numbered_button_is_none_of_ours() {
    assertThat(ButtonCode.action(ButtonCode.FOLLOW_UP_PREFIX + "x1", "q")).isEmpty();
    assertThat(ButtonCode.action(ButtonCode.Audits.ANSWER_PREFIX, "1:2:q")).isEmpty();
    assertThat(ButtonCode.action(null, "q")).isEmpty();
  }
}
