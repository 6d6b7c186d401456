package org.scalingcoach.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalingcoach.retrieval.OnnxEmbedder;
import org.scalingcoach.retrieval.OnnxModel;

class CoachConfigTest {

  @Test
  void should_use_embedded_defaults() {
    CoachConfig config = CoachConfig.defaults();

    assertThat(config.databaseFile()).isEqualTo(Path.of("data", "coach.db"));
    assertThat(config.knowledgeDir()).isEqualTo(Path.of("knowledge"));
    assertThat(config.port()).isEqualTo(8080);
  }

  @Test
  void should_report_a_bad_port_clearly() {
    assertThatThrownBy(() -> CoachConfig.fromEnvironment(Map.of("PORT", "eighty")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PORT must be a whole number, not 'eighty'");
  }

  @Test
  void should_choose_the_embedding_model_by_its_id_and_name_the_known_ones_when_it_is_unknown() {
    assertThat(CoachConfig.defaults().embeddingModel()).isEqualTo(OnnxEmbedder.DEFAULT_MODEL);
    assertThat(
            CoachConfig.fromEnvironment(Map.of("COACH_EMBEDDING_MODEL", "all-minilm-l6-v2-q"))
                .embeddingModel())
        .isEqualTo(OnnxModel.ALL_MINILM_L6_V2_Q);
    assertThatThrownBy(
            () -> CoachConfig.fromEnvironment(Map.of("COACH_EMBEDDING_MODEL", "gpt-embed")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("COACH_EMBEDDING_MODEL")
        .hasMessageContaining("bge-small-en-v1.5-q");
  }

  @Test
  void should_take_the_scope_model_from_the_embedding_model_unless_it_is_named() {
    assertThat(CoachConfig.defaults().scopeModel()).isEqualTo(OnnxEmbedder.DEFAULT_MODEL);
    assertThat(
            CoachConfig.fromEnvironment(Map.of("COACH_EMBEDDING_MODEL", "bge-small-en-v1.5-q"))
                .scopeModel())
        .isEqualTo(OnnxModel.BGE_SMALL_EN_V15_Q);
    CoachConfig mixed =
        CoachConfig.fromEnvironment(
            Map.of(
                "COACH_EMBEDDING_MODEL",
                "bge-small-en-v1.5-q",
                "COACH_SCOPE_EMBEDDING_MODEL",
                "all-minilm-l6-v2-q"));
    assertThat(mixed.embeddingModel()).isEqualTo(OnnxModel.BGE_SMALL_EN_V15_Q);
    assertThat(mixed.scopeModel()).isEqualTo(OnnxModel.ALL_MINILM_L6_V2_Q);
    assertThatThrownBy(
            () -> CoachConfig.fromEnvironment(Map.of("COACH_SCOPE_EMBEDDING_MODEL", "minilm")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("COACH_SCOPE_EMBEDDING_MODEL");
  }
}
