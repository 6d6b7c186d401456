package org.scalingcoach.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalingcoach.knowledge.Section;

/**
 * One embedding model's vectors of every section and of each of its sentences or list items, read
 * from the cache where it knows them, and the similarities of a question to them on the retrieval's
 * scale.
 */
final class PassageVectors {
  private final Embedder embedder;
  private final float[][] sections;
  private final float[][][] units;
  private final float[][][] asked;
  private final int embedded;

  private PassageVectors(
      Embedder embedder, float[][] sections, float[][][] units, float[][][] asked, int embedded) {
    this.embedder = embedder;
    this.sections = sections;
    this.units = units;
    this.asked = asked;
    this.embedded = embedded;
  }

  /** Embeds what {@code cache} does not know under {@code embedder}'s model, and stores it. */
  static PassageVectors build(List<Section> sections, Embedder embedder, EmbeddingCache cache) {
    List<String> texts = new ArrayList<>();
    for (Section section : sections) {
      texts.add(section.indexedText());
      for (String unit : section.units()) {
        texts.add(HybridRetriever.unitText(section, unit));
      }
      texts.addAll(section.asked());
    }
    List<String> hashes = texts.stream().map(HybridRetriever::hash).toList();
    Map<String, float[]> known = new HashMap<>(cache.find(embedder.model(), hashes));
    Map<String, String> missing = new LinkedHashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      if (!known.containsKey(hashes.get(i))) {
        missing.put(hashes.get(i), texts.get(i));
      }
    }
    if (!missing.isEmpty()) {
      List<String> keys = new ArrayList<>(missing.keySet());
      List<float[]> fresh = embedder.embedAll(new ArrayList<>(missing.values()));
      Map<String, float[]> computed = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        computed.put(keys.get(i), fresh.get(i));
      }
      cache.store(embedder.model(), computed);
      known.putAll(computed);
    }
    float[][] vectors = new float[sections.size()][];
    float[][][] unitVectors = new float[sections.size()][][];
    float[][][] askedVectors = new float[sections.size()][][];
    int next = 0;
    for (int i = 0; i < sections.size(); i++) {
      vectors[i] = known.get(hashes.get(next++));
      unitVectors[i] = new float[sections.get(i).units().size()][];
      for (int u = 0; u < unitVectors[i].length; u++) {
        unitVectors[i][u] = known.get(hashes.get(next++));
      }
      askedVectors[i] = new float[sections.get(i).asked().size()][];
      for (int a = 0; a < askedVectors[i].length; a++) {
        askedVectors[i][a] = known.get(hashes.get(next++));
      }
    }
    return new PassageVectors(embedder, vectors, unitVectors, askedVectors, missing.size());
  }

  Embedder embedder() {
    return embedder;
  }

  /** How many texts building these vectors had to embed because the cache did not know them. */
  int embedded() {
    return embedded;
  }

  float[] embed(String query) {
    return embedder.embed(query);
  }

  /** The whole section's similarity to {@code query}, calibrated. */
  double section(float[] query, int section) {
    return embedder.calibrated(dot(query, sections[section]));
  }

  /** Each sentence's or list item's similarity to {@code query}, calibrated. */
  double[] units(float[] query, int section) {
    float[][] vectors = units[section];
    double[] out = new double[vectors.length];
    for (int u = 0; u < vectors.length; u++) {
      out[u] = embedder.calibrated(dot(query, vectors[u]));
    }
    return out;
  }

  /**
   * The best similarity of {@code query} to the ways people ask for the section, calibrated; -1
   * when it has none.
   */
  double asked(float[] query, int section) {
    double best = -1;
    for (float[] wording : asked[section]) {
      best = Math.max(best, embedder.calibrated(dot(query, wording)));
    }
    return best;
  }

  /** The best similarity of {@code query} to the section or any of its units. */
  double best(float[] query, int section) {
    double best = section(query, section);
    for (double unit : units(query, section)) {
      best = Math.max(best, unit);
    }
    return best;
  }

  private static double dot(float[] a, float[] b) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < a.length; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i] * b[i];
    }
    return s0 + s1 + s2 + s3;
  }
}
