package org.scalingcoach;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.scalingcoach.retrieval.Embedder;

/** Wraps a real embedder and counts the texts it embeds, so tests can see what was re-embedded. */
final class CountingEmbedder implements Embedder {
  final AtomicInteger embedded = new AtomicInteger();
  private final Embedder real;

  CountingEmbedder(Embedder real) {
    this.real = real;
  }

  @Override
  public String model() {
    return real.model();
  }

  @Override
  public float[] embed(String text) {
    embedded.incrementAndGet();
    return real.embed(text);
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    embedded.addAndGet(texts.size());
    return real.embedAll(texts);
  }
}
