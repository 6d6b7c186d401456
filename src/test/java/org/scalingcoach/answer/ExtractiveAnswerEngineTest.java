package org.scalingcoach.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.knowledge.Topic;

class ExtractiveAnswerEngineTest {
  private final AnswerEngine engine = TestCore.shared().answers();
  private final KnowledgeBase knowledge = TestCore.shared().knowledge();

  @Test
  void should_answer_with_a_few_cited_parts_of_the_best_sections() {
    Answer answer = engine.answer(Question.of("who should own the quality of our customer data?"));

    assertThat(answer.answered()).isTrue();
    assertThat(answer.topic()).isEqualTo(Topic.DATA_GOVERNANCE);
    assertThat(answer.citations()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(answer.markdown().length()).isLessThan(1_200);
    assertThat(answer.followUps()).isNotEmpty();
  }

  @Test
  void should_quote_only_text_that_exists_in_the_cited_sections() {
    Answer answer =
        engine.answer(Question.of("what hidden costs show up when AI runs in production"));

    Matcher part = Pattern.compile("(?m)^(?:- )?(.+) \\[(\\d+)]$").matcher(answer.markdown());
    int parts = 0;
    while (part.find()) {
      parts++;
      Citation citation = answer.citations().get(Integer.parseInt(part.group(2)) - 1);
      Section section = knowledge.section(citation.key()).orElseThrow();
      assertThat(section.units()).anyMatch(u -> u.endsWith(part.group(1)));
    }
    assertThat(parts).isGreaterThan(0);
  }

  @Test
  void should_refuse_a_question_outside_the_knowledge_base() {
    Answer answer = engine.answer(Question.of("how many vacation days do I have left this year"));

    assertThat(answer.answered()).isFalse();
    assertThat(answer.topic()).isNull();
    assertThat(answer.citations()).isEmpty();
    assertThat(answer.markdown()).contains("Data governance").contains("Infrastructure and cost");
  }

  @Test
  void should_use_the_thread_to_answer_a_follow_up_that_cannot_stand_alone() {
    Question followUp =
        new Question(
            "and what about for the fraud one?",
            List.of(
                PastTurn.user("how do we know when to retrain our churn model"),
                PastTurn.coach("Retrain when monitoring shows drift.")));

    Answer answer = engine.answer(followUp);

    assertThat(answer.answered()).isTrue();
    assertThat(answer.topic()).isEqualTo(Topic.MODEL_RETRAINING);
  }

  @Test
  void should_turn_headings_into_follow_up_questions() {
    assertThat(ExtractiveAnswerEngine.asQuestion("Warning signs a model is drifting"))
        .isEqualTo("Tell me about warning signs a model is drifting");
    assertThat(ExtractiveAnswerEngine.asQuestion("Who owns the model?"))
        .isEqualTo("Who owns the model?");
    assertThat(ExtractiveAnswerEngine.asQuestion("MLOps checklist"))
        .isEqualTo("Tell me about MLOps checklist");
  }
}
