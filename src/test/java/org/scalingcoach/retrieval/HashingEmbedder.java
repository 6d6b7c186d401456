package org.scalingcoach.retrieval;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast, deterministic stand-in for the embedding model: words hashed into buckets. It counts how
 * many texts it embedded so tests can prove the cache works.
 */
public final class HashingEmbedder implements Embedder {
  public final AtomicInteger embedded = new AtomicInteger();

  @Override
  public String model() {
    return "hashing-test";
  }

  @Override
  public float[] embed(String text) {
    embedded.incrementAndGet();
    float[] vector = new float[64];
    for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
      if (!word.isEmpty()) {
        vector[Math.floorMod(word.hashCode(), vector.length)] += 1;
      }
    }
    return OnnxEmbedder.normalise(vector);
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    return texts.stream().map(this::embed).toList();
  }
}
