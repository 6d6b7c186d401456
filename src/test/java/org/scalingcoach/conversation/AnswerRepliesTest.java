package org.scalingcoach.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.knowledge.Topic;

class AnswerRepliesTest {
  private static final Answer ANSWER = SampleAnswer.DRIFT;

  @Test
  void an_answer_numbers_its_sources_like_the_markers_in_its_text() {
    Reply reply = AnswerReplies.of(ANSWER, "a-1");

    assertThat(reply.markdown()).isEqualTo(ANSWER.markdown());
    assertThat(reply.sources())
        .containsExactly(
            new Reply.Source(
                1, "Detecting drift", "Signals of drift", ANSWER.citations().get(0).key()),
            new Reply.Source(
                2, "Monitoring models", "Live accuracy", ANSWER.citations().get(1).key()));
  }

  @Test
  void follow_ups_are_questions_to_ask_under_a_heading() {
    Reply reply = AnswerReplies.of(ANSWER, "a-1");

    assertThat(reply.choices()).hasSize(1);
    Turn.Action ask = reply.choices().get(0).action();
    assertThat(ask.name()).isEqualTo(AnswerReplies.ASK);
    assertThat(ask.value("question")).isEqualTo("Tell me about retraining schedules");
    assertThat(reply.choicesHeading()).isEqualTo("You could also ask");
  }

  @Test
  void votes_name_the_answer_and_what_it_was_about() {
    Reply reply = AnswerReplies.of(ANSWER, "a-1");

    assertThat(reply.buttons())
        .extracting(b -> b.action().value("vote"))
        .containsExactly("up", "down");
    Turn.Action down = reply.buttons().get(1).action();
    assertThat(down.name()).isEqualTo(AnswerReplies.FEEDBACK);
    assertThat(down.value("answer")).isEqualTo("a-1");
    assertThat(down.value("question")).isEqualTo(ANSWER.question());
    assertThat(down.value("topic")).isEqualTo(Topic.MODEL_RETRAINING.id());
    assertThat(down.value("source")).isEqualTo(ANSWER.citations().get(0).key());
  }

  @Test
  void a_refusal_has_nothing_to_rate_and_no_answer_id_is_carried_where_none_is_kept() {
    Reply refusal = AnswerReplies.of(ExtractiveAnswerEngine.outOfScope("Weather in Paris?"), "a-2");
    Reply kept = AnswerReplies.of(ANSWER, "");

    assertThat(refusal.buttons()).isEmpty();
    assertThat(refusal.sources()).isEmpty();
    assertThat(kept.buttons().get(0).action().token()).doesNotContainKey("answer");
  }
}
