package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.AuditServices;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachSnapshot;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.TestCore;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditQuestion;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.Progress;
import org.scalingcoach.conversation.ButtonCode;
import org.scalingcoach.llm.FakeLlmServer;
import org.scalingcoach.llm.FakeLlmServer.Reply;
import org.scalingcoach.llm.LlmFeatures;

/**
 * An audit report with a summary from a slow language model: the report is posted at once and the
 * summary is edited into it when the model answers.
 */
class SlackAuditSummaryTest {
  private static final long MODEL_DELAY_MILLIS = 1_500;

  private SlackTestServer app;
  private FakeSlack fake;
  private FakeLlmServer model;
  private SlackRequests slack;
  private AuditServices audits;
  private final String team = "TSUM" + ProcessHandle.current().pid();

  @BeforeEach
  void start() throws Exception {
    model = new FakeLlmServer();
    CoachCore shared = TestCore.shared();
    LlmFeatures llm = SlackTestServer.fakeModel(model);
    CoachCore core =
        new CoachCore(
            () ->
                new CoachSnapshot(
                    shared.knowledge(), shared.retriever(), shared.answers(), shared.catalog()),
            llm);
    app = SlackTestServer.start(core);
    fake = app.fake();
    slack = app.slack();
    audits = CoachWiring.audits(app.config(), core, TestCore.database());
  }

  @AfterEach
  void stop() {
    app.close();
    model.close();
  }

  private AuditRecord finishedAudit(Actor actor) {
    Progress progress = audits.engine().start(actor, "plan-for-mlops", "Fraud model");
    while (!progress.readyToFinish()) {
      AuditQuestion q = progress.question();
      progress =
          audits
              .engine()
              .answer(
                  actor,
                  progress.audit().id(),
                  progress.audit().revision(),
                  q.id(),
                  q.options().get(1).id());
    }
    return audits.engine().finish(actor, progress.audit().id());
  }

  @Test
  void should_post_the_report_at_once_and_edit_the_summary_in_when_the_model_answers() {
    model.reply(
        Reply.slow(MODEL_DELAY_MILLIS, "Monitoring is in place but retraining is manual [1]."));
    AuditRecord audit = finishedAudit(new Actor(team, "U0ADA"));

    slack.form(
        SlackRequests.blockAction(
            team,
            "U0ADA",
            "D0ADA",
            "1800004000.000100",
            null,
            false,
            ButtonCode.Audits.REPORT,
            String.valueOf(audit.id()),
            fake.responseUrl("report")));

    await().atMost(Duration.ofSeconds(20)).until(() -> !fake.calls("chat.update").isEmpty());
    List<FakeSlack.Call> posts = fake.calls("chat.postMessage");
    assertThat(posts).hasSize(1);
    FakeSlack.Call report = posts.get(0);
    assertThat(report.param("blocks")).contains("Overall: ").doesNotContain("In short");
    FakeLlmServer.Recorded request = model.lastRequest();
    assertThat(report.receivedNanos()).isLessThan(request.finishedNanos());
    assertThat(Duration.ofNanos(request.finishedNanos() - report.receivedNanos()))
        .isGreaterThan(Duration.ofMillis(MODEL_DELAY_MILLIS / 2));
    FakeSlack.Call update = fake.calls("chat.update").get(0);
    assertThat(update.param("channel")).isEqualTo("D0ADA");
    assertThat(update.param("ts")).isEqualTo("1800000000.000001");
    assertThat(update.param("blocks"))
        .contains("In short")
        .contains("retraining is manual")
        .contains("Overall: ");
    assertThat(update.param("text")).isEqualTo(report.param("text"));
  }
}
