package org.scalingcoach.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/** The quantised all-MiniLM-L6-v2 model, run in-process with ONNX: no network, no GPU. */
public final class MiniLmEmbedder implements Embedder {
  private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

  @Override
  public String model() {
    return "all-minilm-l6-v2-q";
  }

  @Override
  public float[] embed(String text) {
    return normalise(model.embed(text).content().vector());
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    return model.embedAll(segments).content().stream()
        .map(Embedding::vector)
        .map(MiniLmEmbedder::normalise)
        .toList();
  }

  static float[] normalise(float[] vector) {
    double sum = 0;
    for (float v : vector) {
      sum += v * v;
    }
    double norm = Math.sqrt(sum);
    if (norm == 0) {
      return vector;
    }
    float[] out = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      out[i] = (float) (vector[i] / norm);
    }
    return out;
  }
}
