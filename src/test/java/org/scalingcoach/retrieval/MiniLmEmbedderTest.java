package org.scalingcoach.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
  private static final List<String> TEXTS =
      List.of(
          "How do we notice that a model is drifting?",
          "Budget for retraining before the first release.",
          "Who should own the customer table?");

  @Test
  void should_give_the_same_vectors_as_langchain4j_stock_model() {
    MiniLmEmbedder ours = new MiniLmEmbedder();
    AllMiniLmL6V2QuantizedEmbeddingModel stock = new AllMiniLmL6V2QuantizedEmbeddingModel();
    for (String text : TEXTS) {
      float[] expected = MiniLmEmbedder.normalise(stock.embed(text).content().vector());
      assertThat(ours.embed(text))
          .containsExactly(expected, org.assertj.core.data.Offset.offset(1e-4f));
    }
    List<float[]> batch = ours.embedAll(TEXTS);
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(batch.get(i))
          .containsExactly(ours.embed(TEXTS.get(i)), org.assertj.core.data.Offset.offset(1e-4f));
    }
  }

  @Test
  void should_answer_a_repeated_question_from_the_recent_vectors() {
    MiniLmEmbedder embedder = new MiniLmEmbedder();
    float[] first = embedder.embed(TEXTS.get(0));
    assertThat(embedder.embed(TEXTS.get(0))).isSameAs(first);
    assertThat(embedder.embed(TEXTS.get(1))).isNotSameAs(first);
  }

  @Test
  void loading_the_model_turns_off_the_tokenizers_call_home_to_the_cloud_metadata_address() {
    new MiniLmEmbedder();

    // What DJL's Ec2Utils.callHome reads before it asks 169.254.169.254.
    assertThat(ai.djl.util.Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING")).isEqualTo("true");
  }
}
