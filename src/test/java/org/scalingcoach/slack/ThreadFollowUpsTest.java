package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ThreadFollowUpsTest {
  private static final String BOT = "UCOACHBOT";
  private static final Set<String> ASKERS = Set.of("U0ADA");

  @Test
  void the_asker_is_answered_without_a_question() {
    assertThat(ThreadFollowUps.forTheCoach("Tell me more", "U0ADA", ASKERS, BOT)).isTrue();
  }

  @Test
  void others_are_answered_only_when_they_ask_a_question() {
    assertThat(ThreadFollowUps.forTheCoach("Great thread", "U0BOB", ASKERS, BOT)).isFalse();
    assertThat(ThreadFollowUps.forTheCoach("Is this for batch too", "U0BOB", ASKERS, BOT)).isTrue();
    assertThat(ThreadFollowUps.forTheCoach("And how often?", "U0BOB", ASKERS, BOT)).isTrue();
    assertThat(ThreadFollowUps.forTheCoach("ok, which tool then", "U0BOB", ASKERS, BOT)).isTrue();
    assertThat(ThreadFollowUps.forTheCoach("Whatever works", "U0BOB", ASKERS, BOT)).isFalse();
  }

  @Test
  void a_reply_addressed_to_another_person_is_not_for_the_coach() {
    assertThat(ThreadFollowUps.forTheCoach("<@U0BOB> can you check?", "U0CAROL", ASKERS, BOT))
        .isFalse();
    assertThat(ThreadFollowUps.forTheCoach("<@U0BOB|bob> thoughts?", "U0ADA", ASKERS, BOT))
        .isFalse();
    assertThat(ThreadFollowUps.forTheCoach("<@UCOACHBOT> why?", "U0CAROL", ASKERS, BOT)).isTrue();
  }
}
