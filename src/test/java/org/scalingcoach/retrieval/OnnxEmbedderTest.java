package org.scalingcoach.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxEmbedderTest {
  private static final List<String> TEXTS =
      List.of(
          "How do we notice that a model is drifting?",
          "Budget for retraining before the first release.",
          "Who should own the customer table?");

  @Test
  void should_give_the_same_vectors_as_langchain4j_stock_model() {
    OnnxEmbedder ours = new OnnxEmbedder(OnnxModel.ALL_MINILM_L6_V2_Q);
    AllMiniLmL6V2QuantizedEmbeddingModel stock = new AllMiniLmL6V2QuantizedEmbeddingModel();
    for (String text : TEXTS) {
      float[] expected = OnnxEmbedder.normalise(stock.embed(text).content().vector());
      assertThat(ours.embed(text))
          .containsExactly(expected, org.assertj.core.data.Offset.offset(1e-4f));
    }
    List<float[]> batch = ours.embedAll(TEXTS);
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(batch.get(i))
          .containsExactly(ours.embed(TEXTS.get(i)), org.assertj.core.data.Offset.offset(1e-4f));
    }
  }

  /**
   * The bge jar is built for an older langchain4j-embeddings than ours; its own class still loads
   * and runs on our runtime, and our session over its ONNX file gives its vectors, with the query
   * instruction before a question and nothing before a passage.
   */
  @Test
  void should_give_bge_stock_vectors_with_the_query_instruction_before_questions_only() {
    OnnxEmbedder ours = new OnnxEmbedder(OnnxModel.BGE_SMALL_EN_V15_Q);
    BgeSmallEnV15QuantizedEmbeddingModel stock = new BgeSmallEnV15QuantizedEmbeddingModel();
    List<float[]> passages = ours.embedAll(TEXTS);
    for (int i = 0; i < TEXTS.size(); i++) {
      String text = TEXTS.get(i);
      assertThat(passages.get(i))
          .hasSize(384)
          .containsExactly(
              OnnxEmbedder.normalise(stock.embed(text).content().vector()),
              org.assertj.core.data.Offset.offset(1e-4f));
      assertThat(ours.embed(text))
          .containsExactly(
              OnnxEmbedder.normalise(
                  stock
                      .embed(OnnxModel.BGE_SMALL_EN_V15_Q.queryPrefix() + text)
                      .content()
                      .vector()),
              org.assertj.core.data.Offset.offset(1e-4f));
    }
  }

  /**
   * A lone question runs on the session that spreads it over the cores, questions asked at the same
   * time run on the one-thread session, and both give the vectors a batch gives.
   */
  @Test
  void should_run_a_lone_question_wide_and_concurrent_questions_narrow_with_the_same_vectors()
      throws Exception {
    OnnxEmbedder embedder = new OnnxEmbedder(OnnxModel.ALL_MINILM_L6_V2_Q);
    embedder.awaitWide();
    List<float[]> batch = embedder.embedAll(TEXTS);
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(embedder.embed(TEXTS.get(i)))
          .containsExactly(batch.get(i), org.assertj.core.data.Offset.offset(1e-4f));
    }
    assertThat(embedder.wideInferences())
        .as("lone questions on a machine with %d cores", Runtime.getRuntime().availableProcessors())
        .isEqualTo(Runtime.getRuntime().availableProcessors() > 1 ? TEXTS.size() : 0);

    int threads = 4;
    int rounds = 6;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < rounds; round++) {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        List<java.util.concurrent.Future<float[]>> vectors = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
          String text = TEXTS.get(t % TEXTS.size()) + " (round " + round + ", asker " + t + ")";
          vectors.add(
              pool.submit(
                  () -> {
                    start.await();
                    return embedder.embed(text);
                  }));
        }
        for (java.util.concurrent.Future<float[]> vector : vectors) {
          assertThat(vector.get()).hasSize(384);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    int wideAtOnce =
        embedder.wideInferences()
            - (Runtime.getRuntime().availableProcessors() > 1 ? TEXTS.size() : 0);
    assertThat(wideAtOnce)
        .as("questions asked four at a time that ran on the wide session")
        .isLessThan(threads * rounds / 2);
  }

  @Test
  void should_cache_vectors_under_the_name_of_the_model() {
    assertThat(new OnnxEmbedder(OnnxModel.ALL_MINILM_L6_V2_Q).model())
        .isEqualTo("all-minilm-l6-v2-q");
    assertThat(new OnnxEmbedder(OnnxModel.BGE_SMALL_EN_V15_Q).model())
        .isEqualTo("bge-small-en-v1.5-q");
    assertThat(OnnxModel.named("BGE-small-en-v1.5-q")).isEqualTo(OnnxModel.BGE_SMALL_EN_V15_Q);
  }

  @Test
  void should_answer_a_repeated_question_from_the_recent_vectors() {
    OnnxEmbedder embedder = new OnnxEmbedder();
    float[] first = embedder.embed(TEXTS.get(0));
    assertThat(embedder.embed(TEXTS.get(0))).isSameAs(first);
    assertThat(embedder.embed(TEXTS.get(1))).isNotSameAs(first);
  }

  @Test
  void loading_the_model_turns_off_the_tokenizers_call_home_to_the_cloud_metadata_address() {
    new OnnxEmbedder();

    // What DJL's Ec2Utils.callHome reads before it asks 169.254.169.254.
    assertThat(ai.djl.util.Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING")).isEqualTo("true");
  }
}
