package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.CoachCore;
import org.scalingcoach.TestCore;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.store.QuestionLog;
import org.scalingcoach.store.SqliteRoleStore;

/** {@code /coach admin ...} over real Jetty with signed requests and the local fake Web API. */
class SlackAdminEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String CONFIGURED_ADMIN = "UADMIN1";
  private static final String EMPLOYEE = "UEMPLOYEE";

  private final CoachCore core = TestCore.shared();
  private SlackTestServer app;
  private FakeSlack fake;
  private SlackRequests slack;
  private String team;

  @BeforeEach
  void start() throws Exception {
    app =
        SlackTestServer.start(core, TestCore.database(), Map.of("COACH_ADMINS", CONFIGURED_ADMIN));
    fake = app.fake();
    slack = app.slack();
    team = SlackTestServer.uniqueTeam("TADM");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> command(String user, String text) {
    return slack.form(
        SlackRequests.slashCommand(team, "C0ADMIN", user, text, fake.responseUrl("admin")));
  }

  private FakeSlack.Call awaitResponse() {
    await().atMost(WAIT).until(() -> !fake.calls("response_url").isEmpty());
    return fake.calls("response_url").get(0);
  }

  @Test
  void should_refuse_a_reload_to_someone_who_is_not_an_admin() {
    HttpResponse<String> response = command(EMPLOYEE, "admin reload");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Only admins can reload the knowledge base");
    assertThat(response.body()).contains("roles grant " + EMPLOYEE + " admin --team " + team);
    await().during(Duration.ofMillis(300)).until(() -> fake.calls("response_url").isEmpty());
  }

  @Test
  void should_reload_for_an_admin_and_summarise_what_was_loaded() {
    int documents = core.knowledge().documents().size();

    HttpResponse<String> response = command(CONFIGURED_ADMIN, "admin reload");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Reloading");
    FakeSlack.Call reply = awaitResponse();
    assertThat(reply.param("blocks"))
        .contains("Reloaded " + documents + " documents")
        .contains("nothing new to embed")
        .contains("No problems found");
    assertThat(core.knowledge().documents()).hasSize(documents);
  }

  @Test
  void should_show_insights_of_the_admins_own_workspace_only() {
    String admin = "UROLEADMIN";
    new SqliteRoleStore(TestCore.database(), java.util.Set.of())
        .grant(new Actor(team, admin), SqliteRoleStore.Role.ADMIN, "test", Instant.now());
    QuestionLog log = new QuestionLog(TestCore.database());
    log.record(
        team, EMPLOYEE, "slack", ExtractiveAnswerEngine.outOfScope("Where is the VPN guide?"));
    log.record(team, "U2", "slack", ExtractiveAnswerEngine.outOfScope("where is the VPN guide?"));
    log.record(
        "TOTHER" + team,
        "U9",
        "slack",
        ExtractiveAnswerEngine.outOfScope("Secret of another team"));

    assertThat(command(EMPLOYEE, "admin insights").body()).contains("Only admins can see");
    HttpResponse<String> response = command(admin, "admin insights");

    assertThat(response.statusCode()).isEqualTo(200);
    String blocks = awaitResponse().param("blocks");
    assertThat(blocks)
        .contains("Insights: last 30 days")
        .contains("2 questions asked, 0 answered")
        .containsIgnoringCase("2× _where is the vpn guide?_")
        .doesNotContain("Secret of another team");
  }

  @Test
  void should_explain_the_admin_commands_for_an_unknown_one() {
    assertThat(command(CONFIGURED_ADMIN, "admin").body())
        .contains("/coach admin reload")
        .contains("/coach admin insights");
  }
}
