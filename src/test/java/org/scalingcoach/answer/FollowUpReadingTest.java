package org.scalingcoach.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FollowUpReadingTest {
  @Test
  void should_read_short_questions_with_pronouns_or_a_leading_and_as_follow_ups() {
    assertThat(FollowUpReading.elliptical("who should own that?")).isTrue();
    assertThat(FollowUpReading.elliptical("and how often should we check?")).isTrue();
    assertThat(FollowUpReading.elliptical("what about night shifts?")).isTrue();
    assertThat(FollowUpReading.elliptical("thanks, and the line managers?")).isTrue();
  }

  @Test
  void should_read_a_complete_question_as_standing_alone() {
    assertThat(FollowUpReading.elliptical("thanks! btw what's the wifi password?")).isFalse();
    assertThat(
            FollowUpReading.elliptical(
                "what's the difference between data drift and concept drift?"))
        .isFalse();
  }

  @Test
  void should_strip_the_marker_of_an_explicit_switch() {
    assertThat(FollowUpReading.switchedTo("ok different thing: how do we plan a load test?"))
        .contains("how do we plan a load test?");
    assertThat(FollowUpReading.switchedTo("new question: how do we break down silos?"))
        .contains("how do we break down silos?");
    assertThat(FollowUpReading.switchedTo("how do we plan a load test?")).isEmpty();
  }
}
