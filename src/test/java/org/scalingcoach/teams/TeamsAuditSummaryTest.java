package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditEngine;
import org.scalingcoach.audit.AuditQuestion;
import org.scalingcoach.audit.Progress;
import org.scalingcoach.llm.FakeLlmServer;

/** A finished audit's report in Teams, followed by the model's short summary when one is set. */
class TeamsAuditSummaryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeLlmServer model = new FakeLlmServer();
  private TeamsEndpoint endpoint;

  @BeforeEach
  void start() {
    endpoint =
        new TeamsEndpoint(
            Map.of(
                "COACH_LLM_PROVIDER", "openai",
                "COACH_LLM_API_KEY", "test-key",
                "COACH_LLM_BASE_URL", model.baseUrl()),
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    endpoint.close();
    model.close();
  }

  @Test
  void should_follow_the_report_with_the_models_summary_and_its_sources() throws Exception {
    model.reply(FakeLlmServer.Reply.text("Start with a shared data catalogue [1]."));
    ObjectNode click = (ObjectNode) JSON.readTree(endpoint.activity("ask-submit"));
    TeamsActivity clicker = new TeamsActivity(click);
    long audit = answerEverything(new Actor(clicker.tenantId(), clicker.userId()));
    click.set(
        "value",
        JSON.createObjectNode().put(TeamsCards.ACTION, "audit-finish").put("audit", audit));
    click.put("replyToId", "1:report-card");

    assertThat(endpoint.post(click.toString()).statusCode()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.connector.delivered().size() >= 2);
    List<FakeConnector.Call> calls = endpoint.connector.delivered();
    assertThat(calls.get(0).method()).isEqualTo("PUT");
    assertThat(text(calls.get(0))).contains("Overall");
    assertThat(text(calls.get(1)))
        .contains("In short")
        .contains("Start with a shared data catalogue [1].")
        .contains("[1] ");
    assertThat(model.lastRequest().user()).contains("Data lake");
  }

  private long answerEverything(Actor actor) {
    AuditEngine engine = endpoint.audits.engine();
    Progress progress = engine.start(actor, "audit-your-data", "Data lake");
    while (!progress.readyToFinish()) {
      AuditQuestion question = progress.question();
      progress =
          engine.answer(
              actor,
              progress.audit().id(),
              progress.audit().revision(),
              question.id(),
              question.options().get(0).id());
    }
    return progress.audit().id();
  }

  private static String text(FakeConnector.Call call) {
    JsonNode card = call.body().path("attachments").get(0).path("content");
    return String.join("\n", card.findValuesAsText("text"));
  }
}
