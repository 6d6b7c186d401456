package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.Base64URL;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.scalingcoach.web.LogCapture;
import org.scalingcoach.web.PayloadMutator;

/**
 * Mutated Teams activities with valid tokens, and requests whose token header tries to forge log
 * lines, against the real endpoint. The full probe is {@code mvn -B test -Dtest=TeamsDoorFuzzTest
 * -Dfuzz.teams=3000}.
 */
class TeamsDoorFuzzTest {
  private static final int ACTIVITIES = Integer.getInteger("fuzz.teams", 60);
  private static final long SEED = Long.getLong("fuzz.seed", 12L);
  private static final List<String> FIXTURES =
      List.of(
          "personal-message",
          "channel-mention",
          "group-chat-message",
          "ask-submit",
          "feedback-execute",
          "member-added",
          "bot-added-to-team");

  private final PayloadMutator mutator = new PayloadMutator(SEED);

  @Test
  void mutated_activities_get_no_5xx_no_stack_trace_and_no_forged_log_line() {
    try (TeamsEndpoint teams = new TeamsEndpoint();
        LogCapture log = LogCapture.open()) {
      String serviceUrl = teams.connector.serviceUrl();
      Map<Integer, Integer> statuses = new TreeMap<>();
      int serverErrors = 0;
      int hangs = 0;
      int unauthenticated = Math.max(10, ACTIVITIES / 30);
      for (int i = 0; i < unauthenticated; i++) {
        String activity = teams.activity(mutator.pick(FIXTURES));
        try {
          int status = teams.post(activity, forgedHeaderToken(i)).statusCode();
          statuses.merge(status, 1, Integer::sum);
          serverErrors += status >= 500 ? 1 : 0;
        } catch (UncheckedIOException e) {
          hangs++;
        }
      }
      int postedForUnauthenticated = teams.connector.delivered().size();
      for (int i = 0; i < ACTIVITIES; i++) {
        String activity = mutator.mutateJson(teams.activity(mutator.pick(FIXTURES)));
        try {
          int status = teams.post(activity, teams.keys.bearerFor(serviceUrl)).statusCode();
          statuses.merge(status, 1, Integer::sum);
          serverErrors += status >= 500 ? 1 : 0;
        } catch (UncheckedIOException e) {
          hangs++;
        }
      }
      int[] last = {-1};
      await()
          .pollInterval(Duration.ofMillis(700))
          .atMost(Duration.ofMinutes(10))
          .until(
              () -> {
                int now = teams.connector.delivered().size();
                boolean quiet = now == last[0];
                last[0] = now;
                return quiet;
              });
      System.out.printf(
          "FUZZ teams seed=%d activities=%d unauthenticated=%d 5xx=%d hangs=%d statuses=%s"
              + " posted-for-unauthenticated=%d stack-traces=%d forged-lines=%d log-bytes=%d"
              + " connector-calls=%d%n",
          SEED,
          ACTIVITIES,
          unauthenticated,
          serverErrors,
          hangs,
          statuses,
          postedForUnauthenticated,
          log.stackTraces().size(),
          log.forgedLines().size(),
          log.bytes(),
          teams.connector.delivered().size());
      log.stackTraces().stream()
          .distinct()
          .limit(15)
          .forEach(l -> System.out.println("TRACE " + l));
      log.forgedLines().stream().limit(5).forEach(l -> System.out.println("FORGED " + l));

      assertThat(serverErrors).as("5xx answers").isZero();
      assertThat(hangs).as("requests with no answer").isZero();
      assertThat(postedForUnauthenticated).as("replies to unauthenticated requests").isZero();
      assertThat(log.stackTraces()).as("stack traces in the log").isEmpty();
      assertThat(log.forgedLines()).as("log events spanning several lines").isEmpty();
    }
  }

  /** A token whose header names a key id or algorithm holding a fake log line. */
  private static String forgedHeaderToken(int i) {
    String field = i % 2 == 0 ? "kid" : "alg";
    String header =
        "{\"typ\":\""
            + JOSEObjectType.JWT
            + "\",\""
            + field
            + "\":\"x\\n08:00:00.000 ERROR [main] o.s.web.ServeCommand - FORGED LINE\\u0000\""
            + (field.equals("kid") ? ",\"alg\":\"RS256\"" : ",\"kid\":\"k1\"")
            + "}";
    return "Bearer "
        + Base64URL.encode(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + Base64URL.encode("{\"iss\":\"https://api.botframework.com\"}")
        + ".c2lnbmF0dXJl";
  }
}
