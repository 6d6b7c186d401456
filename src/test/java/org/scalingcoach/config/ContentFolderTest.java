package org.scalingcoach.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingcoach.knowledge.KnowledgeBase;

class ContentFolderTest {
  @TempDir Path workingDir;

  @Test
  void should_fall_back_to_the_shipped_knowledge_when_none_is_configured_or_present() {
    CoachConfig config = CoachConfig.fromEnvironment(Map.of(), workingDir);

    assertThat(config.knowledge().origin()).isEqualTo(ContentFolder.Origin.SHIPPED);
    assertThat(config.knowledge().describe()).isEqualTo("the copy shipped in the jar");
    assertThat(config.knowledge().editable()).isFalse();
    KnowledgeBase shipped = KnowledgeBase.load(config.knowledgeDir());
    assertThat(shipped.documents())
        .hasSize(KnowledgeBase.load(Path.of("knowledge")).documents().size());
    assertThat(Files.isDirectory(config.knowledgeDir().resolve("audits"))).isTrue();
  }

  @Test
  void should_prefer_a_knowledge_folder_in_the_working_directory() throws Exception {
    Files.createDirectories(workingDir.resolve("knowledge"));

    CoachConfig config = CoachConfig.fromEnvironment(Map.of(), workingDir);

    assertThat(config.knowledge().origin()).isEqualTo(ContentFolder.Origin.WORKING_DIRECTORY);
    assertThat(config.knowledgeDir()).isEqualTo(workingDir.resolve("knowledge"));
  }

  @Test
  void should_refuse_a_configured_knowledge_folder_that_is_missing_or_empty() throws Exception {
    Path empty = Files.createDirectories(workingDir.resolve("empty"));

    assertThatThrownBy(
            () ->
                CoachConfig.fromEnvironment(
                    Map.of("COACH_KNOWLEDGE_DIR", workingDir.resolve("nope").toString()),
                    workingDir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("COACH_KNOWLEDGE_DIR=")
        .hasMessageContaining("does not exist");
    assertThatThrownBy(
            () ->
                CoachConfig.fromEnvironment(
                    Map.of("COACH_KNOWLEDGE_DIR", empty.toString()), workingDir))
        .hasMessageContaining("has no .md files");
  }

  @Test
  void should_refuse_unknown_log_levels_and_formats() {
    assertThatThrownBy(
            () -> CoachConfig.fromEnvironment(Map.of("COACH_LOG_LEVEL", "LOUD"), workingDir))
        .hasMessageContaining("COACH_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR");
    assertThatThrownBy(
            () -> CoachConfig.fromEnvironment(Map.of("COACH_LOG_FORMAT", "xml"), workingDir))
        .hasMessageContaining("COACH_LOG_FORMAT must be one of text, json");

    CoachConfig fine =
        CoachConfig.fromEnvironment(
            Map.of("COACH_LOG_LEVEL", "debug", "COACH_LOG_FORMAT", "json"), workingDir);
    assertThat(fine).isNotNull();
  }
}
