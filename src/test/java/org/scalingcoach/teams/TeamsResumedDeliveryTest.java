package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.delivery.CutOff;
import org.scalingcoach.delivery.DeliveryWorkers;
import org.scalingcoach.delivery.NewDelivery;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.SqliteInbox;

/**
 * A Teams reply of several activities (an answer, then a follow-up card) whose worker dies after
 * the first, then resumed by the next start on the same SQLite file: the Connector gets each
 * activity exactly once, and the card update that followed them is simply made again.
 */
class TeamsResumedDeliveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode message(String text) {
    return JSON.createObjectNode().put("type", "message").put("text", text);
  }

  @Test
  void a_reply_cut_off_after_its_first_activity_is_completed_without_sending_that_one_again()
      throws Exception {
    try (FakeConnector connector = FakeConnector.start();
        Database database = Database.open(TestCore.tempDir("teams-resume-").resolve("coach.db"))) {
      ConnectorClient client =
          new ConnectorClient(HttpClient.newHttpClient(), Optional.empty(), 3, Duration.ZERO);
      String service = connector.serviceUrl();
      SqliteInbox inbox = new SqliteInbox(database);
      DeliveryWorkers.Handler reply =
          delivery -> {
            String answer = client.reply(service, "a:chat", "act-1", message("the answer"));
            client.reply(service, "a:chat", "act-1", message("anything else?"));
            // The first activity's id comes back from the record on a resumed try.
            client.update(service, "a:chat", answer, message("the answer, rated"));
          };

      CutOff.acceptAndDie(
          inbox,
          new NewDelivery("teams", "tenant", "activity:a:chat:act-1", "{}"),
          () -> {
            client.reply(service, "a:chat", "act-1", message("the answer"));
            throw new CutOff.Died();
          });
      assertThat(inbox.unfinished())
          .singleElement()
          .satisfies(left -> assertThat(left.sent()).containsExactly("1:reply-1"));

      CutOff.resume(inbox, "teams", reply);

      assertThat(connector.delivered())
          .extracting(call -> call.method() + " " + call.body().path("text").asText())
          .containsExactly("POST the answer", "POST anything else?", "PUT the answer, rated");
      assertThat(connector.delivered().get(2).path()).endsWith("/activities/1:reply-1");
    }
  }
}
