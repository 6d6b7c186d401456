package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.conversation.DeliveryWorkers;
import org.scalingcoach.conversation.NewDelivery;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.SqliteInbox;

/**
 * A Teams reply of several activities (an answer, then a follow-up card) whose worker dies after
 * the first, then resumed by the next start on the same SQLite file: the Connector gets each
 * activity exactly once, and the card update that followed them is simply made again.
 */
class TeamsResumedDeliveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Stops a worker the way a kill would: no bookkeeping runs after it. */
  static final class Died extends Error {
    Died() {
      super("the process died here", null, false, false);
    }
  }

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

      try (DeliveryWorkers first =
          new DeliveryWorkers(inbox, Clock.systemUTC(), 1, 10, Duration.ofDays(1))) {
        first.accept(
            new NewDelivery("teams", "tenant", "activity:a:chat:act-1", "{}"),
            () -> {
              client.reply(service, "a:chat", "act-1", message("the answer"));
              throw new Died();
            });
        await().dontCatchUncaughtExceptions().until(() -> first.unfinished() == 0);
      }
      assertThat(inbox.unfinished())
          .singleElement()
          .satisfies(left -> assertThat(left.sent()).containsExactly("1:reply-1"));

      try (DeliveryWorkers restarted =
          new DeliveryWorkers(inbox, Clock.systemUTC(), 1, 10, Duration.ofDays(1))) {
        restarted.register("teams", reply);
        restarted.resume();
        await().until(() -> inbox.unfinished().isEmpty());
      }

      assertThat(connector.delivered())
          .extracting(call -> call.method() + " " + call.body().path("text").asText())
          .containsExactly("POST the answer", "POST anything else?", "PUT the answer, rated");
      assertThat(connector.delivered().get(2).path()).endsWith("/activities/1:reply-1");
    }
  }
}
