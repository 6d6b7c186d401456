package org.scalingcoach.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ThreadRepliesTest {
  private static final Set<String> ASKERS = Set.of("U0ADA");

  @Test
  void the_asker_is_answered_without_a_question() {
    assertThat(ThreadReplies.forTheCoach("Tell me more", false, "U0ADA", ASKERS)).isTrue();
  }

  @Test
  void others_are_answered_only_when_they_ask_a_question() {
    assertThat(ThreadReplies.forTheCoach("Great thread", false, "U0BOB", ASKERS)).isFalse();
    assertThat(ThreadReplies.forTheCoach("Is this for batch too", false, "U0BOB", ASKERS)).isTrue();
    assertThat(ThreadReplies.forTheCoach("And how often?", false, "U0BOB", ASKERS)).isTrue();
    assertThat(ThreadReplies.forTheCoach("ok, which tool then", false, "U0BOB", ASKERS)).isTrue();
    assertThat(ThreadReplies.forTheCoach("Whatever works", false, "U0BOB", ASKERS)).isFalse();
  }

  @Test
  void a_reply_addressed_to_another_person_is_not_for_the_coach_even_from_the_asker() {
    assertThat(ThreadReplies.forTheCoach("someone can you check?", true, "U0CAROL", ASKERS))
        .isFalse();
    assertThat(ThreadReplies.forTheCoach("bob thoughts?", true, "U0ADA", ASKERS)).isFalse();
  }
}
