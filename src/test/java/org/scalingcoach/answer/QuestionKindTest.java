package org.scalingcoach.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionKindTest {
  @Test
  void should_tell_the_kinds_of_question_apart() {
    assertThat(QuestionKind.of("What are the four classic mistakes when scaling AI?"))
        .isEqualTo(QuestionKind.LIST);
    assertThat(QuestionKind.of("what's the difference between data drift and concept drift"))
        .isEqualTo(QuestionKind.COMPARE);
    assertThat(QuestionKind.of("who should own the customer table?")).isEqualTo(QuestionKind.WHO);
    assertThat(QuestionKind.of("how do we measure adoption")).isEqualTo(QuestionKind.MEASURE);
    assertThat(QuestionKind.of("how often should we retrain")).isEqualTo(QuestionKind.WHEN);
    assertThat(QuestionKind.of("what is adkar")).isEqualTo(QuestionKind.DEFINITION);
    assertThat(QuestionKind.of("whats finops"))
        .as("typed without the apostrophe")
        .isEqualTo(QuestionKind.DEFINITION);
    assertThat(QuestionKind.of("how do we fix duplicates in the crm")).isEqualTo(QuestionKind.HOW);
    assertThat(QuestionKind.of("users say the forecast is stale, is that drift?"))
        .isEqualTo(QuestionKind.DIAGNOSE);
    assertThat(QuestionKind.of("our gpus run all night")).isEqualTo(QuestionKind.SITUATION);
    assertThat(QuestionKind.of("any red flags that the rollout is going badly"))
        .as("red flags are warning signs, asked for as a list")
        .isEqualTo(QuestionKind.LIST);
  }

  @Test
  void should_read_a_question_about_what_a_situation_means_as_a_diagnosis() {
    assertThat(QuestionKind.of("it times out every morning, what's going on"))
        .isEqualTo(QuestionKind.DIAGNOSE);
    assertThat(QuestionKind.of("staff say \"it's going to replace us\", what does that tell us"))
        .isEqualTo(QuestionKind.DIAGNOSE);
    assertThat(QuestionKind.of("the overnight job overruns, what is wrong"))
        .isEqualTo(QuestionKind.DIAGNOSE);
    assertThat(QuestionKind.of("our churn model shows a PSI of 0.3, is that bad?"))
        .isEqualTo(QuestionKind.DIAGNOSE);
  }

  @Test
  void should_not_read_every_is_it_as_a_diagnosis() {
    assertThat(QuestionKind.of("is it cheaper to fix the problems now or after the rollout"))
        .isNotEqualTo(QuestionKind.DIAGNOSE);
    assertThat(
            QuestionKind.of(
                "nobody opens the screen the predictions are on. is that our problem or the users'?"))
        .isNotEqualTo(QuestionKind.DIAGNOSE);
  }

  @Test
  void should_read_a_question_that_asks_for_a_verdict_on_a_plan_as_a_judgement() {
    assertThat(QuestionKind.of("we plan one webinar for all 800 staff. is that ok?"))
        .isEqualTo(QuestionKind.JUDGE);
    assertThat(QuestionKind.of("the owner does it on top of her normal job. good enough?"))
        .isEqualTo(QuestionKind.JUDGE);
    assertThat(QuestionKind.of("the business case only has dev costs in it. red flag?"))
        .isEqualTo(QuestionKind.JUDGE);
    assertThat(QuestionKind.of("is it ok to skip the maintenance budget for a small model"))
        .isEqualTo(QuestionKind.JUDGE);
    assertThat(QuestionKind.of("it works fine, so the team can move on now, right?"))
        .isEqualTo(QuestionKind.JUDGE);
    assertThat(QuestionKind.of("\"data must be accurate\": is that good enough as our rule?"))
        .isEqualTo(QuestionKind.JUDGE);
  }

  @Test
  void should_not_read_a_how_or_why_question_as_a_judgement() {
    assertThat(QuestionKind.of("how do we decide if a smaller model is good enough"))
        .isNotEqualTo(QuestionKind.JUDGE);
    assertThat(QuestionKind.of("IT wants to run the rollout alone. why is that a bad idea?"))
        .isNotEqualTo(QuestionKind.JUDGE);
    assertThat(QuestionKind.of("sales and finance disagree, how do we settle which one is right?"))
        .isNotEqualTo(QuestionKind.JUDGE);
  }

  @Test
  void should_read_a_question_after_the_cause_as_a_why_question() {
    assertThat(QuestionKind.of("usage was great at launch, now nobody opens it. what went wrong?"))
        .isEqualTo(QuestionKind.WHY);
    assertThat(QuestionKind.of("nobody touched the code, how is that even possible"))
        .isEqualTo(QuestionKind.WHY);
    assertThat(QuestionKind.of("why is that a problem?")).isEqualTo(QuestionKind.WHY);
  }

  @Test
  void should_read_a_request_for_the_argument_as_a_why_question() {
    assertThat(QuestionKind.of("how do i argue against that with my boss"))
        .isEqualTo(QuestionKind.WHY);
    assertThat(QuestionKind.of("finance wants a cheaper model, whats the argument for training?"))
        .isEqualTo(QuestionKind.WHY);
    assertThat(QuestionKind.of("i need to justify the monitoring budget to the cfo"))
        .isEqualTo(QuestionKind.WHY);
    assertThat(QuestionKind.of("every meeting turns into an argument. how do we fix this"))
        .isEqualTo(QuestionKind.HOW);
  }
}
