package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.delivery.CutOff;
import org.scalingcoach.delivery.Delivery;
import org.scalingcoach.delivery.DeliveryWorkers;
import org.scalingcoach.delivery.NewDelivery;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.SqliteInbox;

/**
 * A Slack reply of several messages (an audit's report, its exports, a note through the
 * response_url) whose worker dies after the first one, then resumed by the next start on the same
 * SQLite file: every message reaches the local fake Web API exactly once.
 */
class SlackResumedDeliveryTest {

  @Test
  void a_reply_cut_off_after_its_first_message_is_completed_without_sending_that_one_again()
      throws Exception {
    try (FakeSlack fake = FakeSlack.start();
        Database database = Database.open(TestCore.tempDir("slack-resume-").resolve("coach.db"))) {
      SlackConfig config = new SlackConfig();
      config.setMethodsEndpointUrlPrefix(fake.apiUrl());
      SlackWebApi slack = new SlackWebApi(Slack.getInstance(config), "xoxb-1-test", d -> {});
      SlackFiles files = new SlackFiles(slack);
      SqliteInbox inbox = new SqliteInbox(database);
      String responseUrl = fake.responseUrl("finish");
      DeliveryWorkers.Handler reply =
          delivery -> {
            ChatPostMessageResponse report =
                slack.call(
                    "chat.postMessage",
                    c -> c.chatPostMessage(r -> r.channel("U0RES").text("the report")));
            // Threaded under the report: a resumed try must know its channel and ts.
            slack.call(
                "chat.postMessage",
                c ->
                    c.chatPostMessage(
                        r ->
                            r.channel(report.getChannel()).threadTs(report.getTs()).text("chart")));
            files.share(
                report.getChannel(),
                null,
                List.of(new SlackFiles.Upload("report.csv", "the answers", new byte[] {1, 2, 3})));
            slack.respond(
                responseUrl,
                ActionResponse.builder().responseType("ephemeral").text("finished").build());
          };

      CutOff.acceptAndDie(
          inbox,
          new NewDelivery("slack", "T0RES", "trigger:finish", "{}"),
          () -> {
            slack.call(
                "chat.postMessage",
                c -> c.chatPostMessage(r -> r.channel("U0RES").text("the report")));
            throw new CutOff.Died();
          });
      assertThat(inbox.unfinished())
          .singleElement()
          .satisfies(left -> assertThat(left.sent()).containsExactly("D0RES/1800000000.000001"));

      CutOff.resume(inbox, "slack", reply);

      assertThat(fake.calls("chat.postMessage"))
          .extracting(call -> call.param("text"))
          .containsExactly("the report", "chart");
      assertThat(fake.calls("chat.postMessage").get(1).params())
          .containsEntry("channel", "D0RES")
          .containsEntry("thread_ts", "1800000000.000001");
      assertThat(fake.calls("files.completeUploadExternal")).hasSize(1);
      assertThat(fake.calls("response_url")).hasSize(1);

      // Resumed once more (a second crash before it was marked done): nothing goes out again.
      Delivery finished =
          database.withConnection(
              c -> {
                try (var update = c.prepareStatement("UPDATE delivery SET state = 'SENDING'")) {
                  update.executeUpdate();
                }
                return inbox.unfinished().get(0);
              });
      assertThat(finished.sent()).hasSize(4);
      CutOff.resume(inbox, "slack", reply);
      assertThat(fake.calls("chat.postMessage")).hasSize(2);
      assertThat(fake.calls("files.completeUploadExternal")).hasSize(1);
      assertThat(fake.calls("response_url")).hasSize(1);
    }
  }
}
