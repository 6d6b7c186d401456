package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IncomingTextTest {
  private static final String BOT = "UCOACHBOT";

  @Test
  void a_mention_of_another_person_addresses_them_and_the_bot_does_not() {
    assertThat(IncomingText.addressedToSomeoneElse("<@U0BOB> can you check?", BOT)).isTrue();
    assertThat(IncomingText.addressedToSomeoneElse("<@U0BOB|bob> thoughts?", BOT)).isTrue();
    assertThat(IncomingText.addressedToSomeoneElse("<@UCOACHBOT> why?", BOT)).isFalse();
    assertThat(IncomingText.addressedToSomeoneElse("no mention at all", BOT)).isFalse();
  }

  @Test
  void the_question_keeps_labels_and_drops_the_bot() {
    assertThat(IncomingText.question("<@UCOACHBOT> what about <#C1|general> &amp; cost?", BOT))
        .isEqualTo("what about #general & cost?");
  }
}
