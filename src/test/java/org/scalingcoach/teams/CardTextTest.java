package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.Question;

class CardTextTest {
  @Test
  void should_preview_an_answer_card_with_its_first_words_without_markup_or_citations() {
    Answer answer =
        TestCore.shared().answers().answer(Question.of("How do we detect model drift?"));

    String summary = CardSummary.of(TeamsCards.answer(answer));

    assertThat(summary).isNotBlank().doesNotContain("[1]").doesNotContain("**");
    assertThat(summary.length()).isLessThanOrEqualTo(121);
    assertThat(answer.markdown().replace("**", ""))
        .contains(summary.replace("…", "").strip().split(" ")[0]);
  }

  @Test
  void should_give_every_card_message_a_summary() throws Exception {
    TeamsActivity activity =
        new TeamsActivity(
            new ObjectMapper()
                .readTree(
                    TeamsTraffic.activity(
                        "personal-message", "https://smba.trafficmanager.net/amer/")));

    assertThat(activity.replyWithCard(TeamsCards.welcome()).path("summary").asText()).isNotBlank();
    assertThat(
            activity
                .messageWithCard(TeamsCards.notice("Reloaded 12 documents."))
                .path("summary")
                .asText())
        .isEqualTo("Reloaded 12 documents.");
  }

  @Test
  void should_write_a_next_actions_finding_as_words_not_a_code() {
    assertThat(org.scalingcoach.conversation.AuditReportReplies.readable("Now: 0 No MLOps"))
        .isEqualTo("today: No MLOps (level 0)");
    assertThat(org.scalingcoach.conversation.AuditReportReplies.readable("Not answered yet"))
        .isEqualTo("not answered yet");
  }
}
