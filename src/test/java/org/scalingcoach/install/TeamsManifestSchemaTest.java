package org.scalingcoach.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class TeamsManifestSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String APP_ID = "6a7c2e48-0d21-4c5f-9b8e-3f1d2a9c7e10";

  private static Schema officialSchema() throws Exception {
    try (InputStream in =
        TeamsManifestSchemaTest.class.getResourceAsStream(
            "/teams/MicrosoftTeams.v1.17.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
          .getSchema(JSON.readTree(in));
    }
  }

  private static TeamsAppPackage.Details details(String version, String developer) {
    return new TeamsAppPackage.Details(
        APP_ID,
        version,
        "Scaling Coach",
        developer,
        "https://intranet.example.com/coach",
        "https://intranet.example.com/privacy",
        "https://intranet.example.com/terms");
  }

  private static JsonNode manifest() throws Exception {
    return JSON.readTree(TeamsAppPackage.manifestJson(details("1.2.3", "Example Corp")));
  }

  @Test
  void should_generate_a_manifest_the_official_1_17_schema_accepts() throws Exception {
    List<Error> errors = officialSchema().validate(manifest());

    assertThat(errors).isEmpty();
  }

  @Test
  void should_ask_for_the_consent_to_read_channels_and_group_chats_only_with_graph_reading()
      throws Exception {
    TeamsAppPackage.Details plain = details("1.2.3", "Example Corp");
    TeamsAppPackage.Details reading =
        new TeamsAppPackage.Details(
            plain.appId(),
            plain.version(),
            plain.shortName(),
            plain.developerName(),
            plain.websiteUrl(),
            plain.privacyUrl(),
            plain.termsUrl(),
            true);

    JsonNode manifest = JSON.readTree(TeamsAppPackage.manifestJson(reading));

    assertThat(officialSchema().validate(manifest)).isEmpty();
    assertThat(manifest.path("authorization").path("permissions").path("resourceSpecific"))
        .extracting(p -> p.path("name").asText() + "/" + p.path("type").asText())
        .containsExactly(
            "ChannelMessage.Read.Group/Application", "ChatMessage.Read.Chat/Application");
    assertThat(manifest.path("webApplicationInfo").path("id").asText()).isEqualTo(APP_ID);
    assertThat(manifest().has("authorization")).isFalse();
    assertThat(manifest().has("webApplicationInfo")).isFalse();
  }

  @Test
  void should_be_caught_by_the_schema_when_a_required_field_is_missing() throws Exception {
    ObjectNode broken = (ObjectNode) manifest();
    broken.remove("developer");
    broken.put("accentColor", "blue");

    List<Error> errors = officialSchema().validate(broken);

    assertThat(errors).extracting(Error::toString).anyMatch(e -> e.contains("developer"));
    assertThat(errors).extracting(Error::toString).anyMatch(e -> e.contains("accentColor"));
  }

  @Test
  void should_offer_audit_commands_only_in_the_personal_scope() throws Exception {
    JsonNode lists = manifest().path("bots").get(0).path("commandLists");

    for (JsonNode list : lists) {
      List<String> titles =
          StreamSupport.stream(list.path("commands").spliterator(), false)
              .map(c -> c.path("title").asText())
              .toList();
      List<String> scopes =
          StreamSupport.stream(list.path("scopes").spliterator(), false)
              .map(JsonNode::asText)
              .toList();
      if (scopes.contains("personal")) {
        assertThat(scopes).containsExactly("personal");
        assertThat(titles).contains("help", "audit", "admin insights");
      } else {
        assertThat(scopes).containsExactlyInAnyOrder("team", "groupChat");
        assertThat(titles).contains("help").noneMatch(t -> t.startsWith("audit"));
        assertThat(titles).doesNotContain("admin insights");
      }
    }
    assertThat(lists).hasSize(2);
  }

  @Test
  void should_refuse_what_teams_refuses_at_upload_all_at_once() {
    assertThatThrownBy(() -> details("banana", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("major.minor.patch")
        .hasMessageContaining("developer name");
    assertThatThrownBy(() -> details("1.0", "Example Corp")).hasMessageContaining("three numbers");
    assertThatThrownBy(() -> details("01.0.0", "Example Corp"))
        .hasMessageContaining("three numbers");
    assertThatThrownBy(() -> details("1.0.0", "x".repeat(33)))
        .hasMessageContaining("1 to 32 characters");
  }
}
