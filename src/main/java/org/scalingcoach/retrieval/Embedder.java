package org.scalingcoach.retrieval;

import java.util.List;

/** Turns text into unit-length vectors whose dot product measures meaning similarity. */
public interface Embedder {

  /** Identifies the model, so cached vectors of another model are never reused. */
  String model();

  float[] embed(String text);

  List<float[]> embedAll(List<String> texts);
}
