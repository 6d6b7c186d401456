package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TeamsActivityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static TeamsActivity read(String fixture) throws Exception {
    return new TeamsActivity(
        JSON.readTree(TeamsTraffic.activity(fixture, "https://smba.trafficmanager.net/amer/")));
  }

  @Test
  void should_strip_the_mention_and_markup_from_a_channel_message() throws Exception {
    assertThat(read("channel-mention").plainText())
        .isEqualTo("what should we check in our data before scaling?");
  }

  @Test
  void should_key_the_activity_by_tenant_and_user_object_id() throws Exception {
    TeamsActivity activity = read("personal-message");

    assertThat(activity.tenantId()).isEqualTo(TeamsTraffic.TENANT);
    assertThat(activity.userId()).isEqualTo("d6a2f3c1-8b4e-4a7d-9c1f-2e5b7a9d0c34");
    assertThat(activity.conversationType()).isEqualTo("personal");
  }

  @Test
  void should_address_a_reply_from_the_bot_to_the_sender() throws Exception {
    TeamsActivity activity = read("personal-message");

    var reply = activity.replyWithCard(TeamsCards.notice("hi"));

    assertThat(reply.path("from").path("id").asText()).isEqualTo(TeamsTraffic.BOT_ID);
    assertThat(reply.path("recipient").path("name").asText()).isEqualTo("Megan Bowen");
    assertThat(reply.path("replyToId").asText()).isEqualTo(activity.id());
  }

  @Test
  void should_strip_mentions_of_anyone_and_keep_the_question() throws Exception {
    TeamsActivity activity =
        new TeamsActivity(
            JSON.readTree(
                "{\"text\":\"<at>Scaling Coach</at> can <at>Lee</at> run &quot;audits&quot;?\"}"));

    assertThat(activity.plainText()).isEqualTo("can run \"audits\"?");
  }
}
