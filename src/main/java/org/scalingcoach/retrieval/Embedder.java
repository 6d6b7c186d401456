package org.scalingcoach.retrieval;

import java.util.List;

/** Turns text into unit-length vectors whose dot product measures meaning similarity. */
public interface Embedder {

  /** Identifies the model, so cached vectors of another model are never reused. */
  String model();

  /** The vector of a question. */
  float[] embed(String text);

  /** The vectors of passages: sections and their sentences. */
  List<float[]> embedAll(List<String> texts);

  /**
   * A question-to-passage dot product on the scale the retrieval's thresholds and weights were
   * chosen on (all-MiniLM-L6-v2's): models differ in how close unrelated texts score, so each
   * model's similarities are mapped linearly onto that scale. The identity by default.
   */
  default double calibrated(double similarity) {
    return similarity;
  }
}
