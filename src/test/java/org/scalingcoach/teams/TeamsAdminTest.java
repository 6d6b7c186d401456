package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.store.QuestionLog;
import org.scalingcoach.store.SqliteRoleStore;

/** The {@code admin reload} message in Teams, over the real endpoint and the fake Connector. */
class TeamsAdminTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TeamsEndpoint endpoint;

  @BeforeEach
  void start() {
    endpoint = new TeamsEndpoint();
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  private String replyTo(String text) throws Exception {
    return replyTo("personal-message", text);
  }

  private String replyTo(String fixture, String text) throws Exception {
    ObjectNode typed = (ObjectNode) JSON.readTree(endpoint.activity(fixture));
    typed.put("text", text);
    int before = endpoint.connector.delivered().size();
    endpoint.post(typed.toString());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> endpoint.connector.delivered().size() > before);
    JsonNode card =
        endpoint
            .connector
            .delivered()
            .get(before)
            .body()
            .path("attachments")
            .get(0)
            .path("content");
    return String.join("\n", card.findValuesAsText("text"));
  }

  private Actor sender() throws Exception {
    TeamsActivity activity =
        new TeamsActivity(JSON.readTree(endpoint.activity("personal-message")));
    return new Actor(activity.tenantId(), activity.userId());
  }

  @Test
  void should_refuse_admin_reload_to_a_user_without_the_admin_role() throws Exception {
    assertThat(replyTo("admin reload")).contains("Only admins can reload the knowledge base");
  }

  @Test
  void should_reload_for_a_user_with_the_admin_role_in_the_tenant() throws Exception {
    new SqliteRoleStore(endpoint.database, Set.of())
        .grant(sender(), SqliteRoleStore.Role.ADMIN, "test", Instant.now());

    assertThat(replyTo("admin   reload")).contains("Reloaded").contains("documents");
  }

  @Test
  void should_show_insights_of_the_admins_own_tenant_only() throws Exception {
    new SqliteRoleStore(endpoint.database, Set.of())
        .grant(sender(), SqliteRoleStore.Role.ADMIN, "test", Instant.now());
    QuestionLog log = new QuestionLog(endpoint.database);
    log.record(
        sender().teamId(),
        "someone",
        "teams",
        ExtractiveAnswerEngine.outOfScope("where is the VPN guide"));
    log.record(
        "other-tenant",
        "x",
        "teams",
        ExtractiveAnswerEngine.outOfScope("secret of another tenant"));

    String reply = replyTo("admin insights");

    assertThat(reply).contains("Insights: last 30 days").contains("1× _where is the VPN guide");
    assertThat(reply).doesNotContain("secret of another tenant");
  }

  @Test
  void should_refuse_insights_to_a_user_without_the_admin_role() throws Exception {
    assertThat(replyTo("admin insights")).contains("Only admins can see the insights");
  }

  @Test
  void should_send_an_admin_a_one_time_console_link_in_a_personal_chat() throws Exception {
    new SqliteRoleStore(endpoint.database, Set.of())
        .grant(sender(), SqliteRoleStore.Role.ADMIN, "test", Instant.now());

    String reply = replyTo("admin console");

    assertThat(reply)
        .containsPattern("\\[Open the admin console]\\(http://localhost:\\d+/admin/signin\\?token=")
        .contains("works once, for 10 minutes");
  }

  @Test
  void should_refuse_a_console_link_to_a_user_without_the_admin_role() throws Exception {
    assertThat(replyTo("admin console"))
        .contains("Only admins can open the admin console")
        .doesNotContain("/admin/signin");
  }

  @Test
  void should_keep_console_links_out_of_group_chats() throws Exception {
    new SqliteRoleStore(endpoint.database, Set.of())
        .grant(sender(), SqliteRoleStore.Role.ADMIN, "test", Instant.now());

    assertThat(replyTo("group-chat-message", "admin console"))
        .contains("ask me for **admin console** in a personal chat")
        .doesNotContain("/admin/signin");
  }
}
