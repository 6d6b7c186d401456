package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.conversation.ButtonCode;
import org.scalingcoach.web.LogCapture;
import org.scalingcoach.web.PayloadMutator;

/**
 * Mutated Slack traffic against the real server: correctly signed bodies with wrong types, missing
 * fields and hostile text, and unsigned, stale or future-dated ones. The default run is small; the
 * full probe is {@code mvn -B test -Dtest=SlackDoorFuzzTest -Dfuzz.slack.signed=10000
 * -Dfuzz.slack.unsigned=1100}.
 */
class SlackDoorFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SIGNED = Integer.getInteger("fuzz.slack.signed", 200);
  private static final int UNSIGNED = Integer.getInteger("fuzz.slack.unsigned", 110);
  private static final long SEED = Long.getLong("fuzz.seed", 12L);

  private final PayloadMutator mutator = new PayloadMutator(SEED);
  private final String team = SlackTestServer.uniqueTeam("TFUZZ");
  private String responseUrl;

  @Test
  void mutated_bodies_get_no_5xx_no_stack_trace_no_forged_line_and_unsigned_ones_post_nothing()
      throws Exception {
    try (SlackTestServer app = SlackTestServer.start(TestCore.shared());
        LogCapture log = LogCapture.open()) {
      FakeSlack fake = app.fake();
      SlackRequests slack = app.slack();
      responseUrl = fake.responseUrl("fuzz");
      Figures unsigned = new Figures();
      for (int i = 0; i < UNSIGNED; i++) {
        send(unsigned, () -> unsignedRequest(slack, mutator.random().nextInt(11)));
      }
      awaitQuiet(fake);
      int postedForUnsigned = fake.calls().size();
      long unsignedLogBytes = log.bytes();

      Figures signed = new Figures();
      for (int i = 0; i < SIGNED; i++) {
        String body = mutatedBody();
        boolean json = body.startsWith("{");
        send(
            signed,
            () ->
                json
                    ? slack.event(body)
                    : slack.post(
                        "application/x-www-form-urlencoded",
                        body,
                        SlackRequests.SIGNING_SECRET,
                        Instant.now().getEpochSecond()));
      }
      awaitQuiet(fake);

      System.out.printf(
          "FUZZ slack seed=%d signed=%d unsigned=%d 5xx=%d(signed %d, unsigned %d) hangs=%d"
              + " statuses=%s/%s posted-for-unsigned=%d stack-traces=%d forged-lines=%d"
              + " log-bytes=%d (unsigned phase %d) web-api-calls=%d%n",
          SEED,
          SIGNED,
          UNSIGNED,
          signed.serverErrors + unsigned.serverErrors,
          signed.serverErrors,
          unsigned.serverErrors,
          signed.hangs + unsigned.hangs,
          signed.statuses,
          unsigned.statuses,
          postedForUnsigned,
          log.stackTraces().size(),
          log.forgedLines().size(),
          log.bytes(),
          unsignedLogBytes,
          fake.calls().size());
      log.stackTraces().stream()
          .distinct()
          .limit(15)
          .forEach(l -> System.out.println("TRACE " + l));
      log.forgedLines().stream().limit(5).forEach(l -> System.out.println("FORGED " + l));

      assertThat(postedForUnsigned).as("Web API calls caused by unsigned requests").isZero();
      assertThat(unsigned.statuses.keySet())
          .as("unsigned answers: refused, or too large to read")
          .isSubsetOf(401, 413);
      assertThat(signed.serverErrors + unsigned.serverErrors).as("5xx answers").isZero();
      assertThat(signed.hangs + unsigned.hangs).as("requests with no answer in 10 s").isZero();
      assertThat(log.stackTraces()).as("stack traces in the log").isEmpty();
      assertThat(log.forgedLines()).as("log events spanning several lines").isEmpty();
    }
  }

  private static final class Figures {
    final Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    int serverErrors;
    int hangs;
  }

  private static void send(Figures figures, Supplier<HttpResponse<String>> request) {
    try {
      int status = request.get().statusCode();
      figures.statuses.merge(status, 1, Integer::sum);
      if (status >= 500) {
        figures.serverErrors++;
      }
    } catch (UncheckedIOException e) {
      figures.hangs++;
    }
  }

  /** Waits until the coach stops calling the Web API, so background failures are logged too. */
  private static void awaitQuiet(FakeSlack fake) {
    int[] last = {-1};
    await()
        .pollInterval(Duration.ofMillis(700))
        .atMost(Duration.ofMinutes(10))
        .until(
            () -> {
              int now = fake.calls().size();
              boolean quiet = now == last[0];
              last[0] = now;
              return quiet;
            });
  }

  private HttpResponse<String> unsignedRequest(SlackRequests slack, int kind) {
    String body = mutator.random().nextBoolean() ? mutatedBody() : PayloadMutator.FORGED;
    long now = Instant.now().getEpochSecond();
    String type = body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded";
    return switch (kind) {
      case 0 -> slack.post(type, body, "not-the-secret", now);
      case 1 -> slack.post(type, body, SlackRequests.SIGNING_SECRET, now - 6 * 60);
      case 2 -> slack.post(type, body, SlackRequests.SIGNING_SECRET, now + 10 * 60);
      case 3 -> slack.post(type, body, SlackRequests.SIGNING_SECRET, now + 86_400);
      case 4 -> slack.post(type, body, SlackRequests.SIGNING_SECRET, now + 365L * 86_400);
      case 5 -> slack.post(type, body, SlackRequests.SIGNING_SECRET, now - 86_400);
      case 6 -> slack.post(type, "a".repeat(1 << 20) + PayloadMutator.FORGED, "x", now);
      case 7 ->
          slack.post(
              type,
              body,
              SlackRequests.SIGNING_SECRET,
              now,
              "X-Slack-Signature",
              "v0=" + "0".repeat(64) + " FORGED LINE");
      default -> slack.post(type, body, "not-the-secret", now - 6 * 60);
    };
  }

  /** One of the real shapes Slack sends, mutated. */
  String mutatedBody() {
    String ts = "1800000" + (100 + mutator.random().nextInt(800)) + ".000100";
    String user = "U0FUZZ" + mutator.random().nextInt(5);
    String text = mutator.pick(QUESTIONS);
    List<Supplier<String>> shapes = new ArrayList<>();
    shapes.add(
        () ->
            mutator.mutateJson(
                SlackRequests.envelope(
                    team,
                    "Ev" + mutator.random().nextLong(),
                    SlackRequests.appMention(team, "C0GUILD", user, ts, null, text))));
    shapes.add(
        () ->
            mutator.mutateJson(
                SlackRequests.envelope(
                    team,
                    "Ev" + mutator.random().nextLong(),
                    SlackRequests.message(team, "D0FUZZ", "im", user, ts, null, text))));
    shapes.add(
        () ->
            mutator.mutateJson(
                SlackRequests.envelope(
                    team,
                    "Ev" + mutator.random().nextLong(),
                    SlackRequests.appHomeOpened(user, "D0FUZZ"))));
    shapes.add(
        () ->
            mutator.mutateJson(
                SlackRequests.envelope(
                    team,
                    "Ev" + mutator.random().nextLong(),
                    SlackRequests.assistantThreadStarted(user, "D0FUZZ", ts))));
    shapes.add(() -> mutator.mutateJson(urlVerification()));
    shapes.add(
        () ->
            mutator.mutateForm(
                PayloadMutator.decode(
                    SlackRequests.slashCommand(
                        team, "C0GUILD", user, mutator.pick(COMMANDS), responseUrl))));
    shapes.add(
        () -> {
          String form =
              SlackRequests.slashCommand(
                  team,
                  "C0GUILD",
                  user,
                  mutator.pick(COMMANDS) + " " + mutator.oddString(),
                  responseUrl);
          return form;
        });
    shapes.add(
        () ->
            mutator.mutateForm(
                PayloadMutator.decode(
                    SlackRequests.blockAction(
                        team,
                        user,
                        "D0FUZZ",
                        ts,
                        null,
                        mutator.random().nextBoolean(),
                        mutator.pick(ACTIONS),
                        mutator.pick(VALUES),
                        responseUrl))));
    shapes.add(
        () ->
            mutator.mutateForm(
                PayloadMutator.decode(
                    SlackRequests.homeAction(
                        team, user, mutator.pick(ACTIONS), mutator.pick(VALUES)))));
    shapes.add(
        () ->
            mutator.mutateForm(
                PayloadMutator.decode(
                    SlackRequests.viewSubmission(
                        team,
                        user,
                        SlackAudits.SUBJECT_VIEW,
                        mutator.pick(VALUES),
                        Map.of("subject", Map.of("subject", mutator.pick(QUESTIONS)))))));
    return mutator.pick(shapes).get();
  }

  private String urlVerification() {
    ObjectNode root = JSON.createObjectNode();
    root.put("token", "legacy-verification-token");
    root.put("challenge", "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    root.put("type", "url_verification");
    return root.toString();
  }

  private static final List<String> QUESTIONS =
      List.of(
          "How do we know our model is drifting?",
          "<@UCOACHBOT> how do we budget GPU costs",
          "<!channel> hello",
          PayloadMutator.FORGED,
          "");

  private static final List<String> COMMANDS =
      List.of(
          "how do we budget gpu costs",
          "help",
          "audit",
          "audit list",
          "audit start audit-your-data Churn model",
          "audit start no-such-audit Foo",
          "audit start plan-for-mlops <!channel>",
          "audit remind plan-for-mlops 99999999999 <@U0X> Churn",
          "audit remind plan-for-mlops -1 Churn",
          "audit export abc",
          "audit export 99999999999999999999",
          "audit report",
          "audit report abc",
          "audit team",
          "admin insights",
          "admin reload",
          "");

  private static final List<String> ACTIONS =
      List.of(
          ButtonCode.Audits.START,
          ButtonCode.Audits.RESUME,
          ButtonCode.Audits.ANSWER_PREFIX + "0",
          ButtonCode.Audits.ANSWER_PREFIX + "3",
          ButtonCode.Audits.BACK,
          ButtonCode.Audits.SKIP,
          ButtonCode.Audits.PAUSE,
          ButtonCode.Audits.FINISH,
          ButtonCode.Audits.REPORT,
          ButtonCode.Audits.SHARE,
          ButtonCode.Audits.EXPORT,
          ButtonCode.FEEDBACK_UP,
          ButtonCode.FEEDBACK_DOWN,
          ButtonCode.FOLLOW_UP_PREFIX + "0",
          AnswerBlocks.SHARE,
          ButtonCode.ASK_EXAMPLE_PREFIX + "1",
          ButtonCode.Audits.START_SUBJECT,
          "unknown_action");

  private static final List<String> VALUES =
      List.of(
          "1",
          "abc",
          "1:0:q1",
          "1:0:q1:o1",
          "99999999999:1:x:y",
          "audit-your-data",
          "plan-for-mlops",
          "audit-your-data|Churn",
          "",
          PayloadMutator.FORGED);
}
