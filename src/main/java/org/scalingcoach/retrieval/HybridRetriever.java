package org.scalingcoach.retrieval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalingcoach.knowledge.Section;

/**
 * Finds the sections that answer a question by fusing BM25 and embedding similarity with reciprocal
 * rank fusion, and judges from the same evidence whether the question is in scope.
 */
public final class HybridRetriever {
  private static final int RRF_K = 60;
  private static final int CANDIDATES = 40;

  private final List<Section> sections;
  private final Embedder embedder;
  private final LexicalIndex lexical;
  private final float[][] vectors;
  private final ScopePolicy scope;

  private HybridRetriever(
      List<Section> sections, Embedder embedder, float[][] vectors, ScopePolicy scope) {
    this.sections = List.copyOf(sections);
    this.embedder = embedder;
    this.lexical = new LexicalIndex(this.sections);
    this.vectors = vectors;
    this.scope = scope;
  }

  /** Indexes {@code sections}, embedding only those whose text is not in {@code cache}. */
  public static HybridRetriever build(
      List<Section> sections, Embedder embedder, EmbeddingCache cache, ScopePolicy scope) {
    List<String> hashes = sections.stream().map(s -> hash(s.indexedText())).toList();
    Map<String, float[]> known = new HashMap<>(cache.find(embedder.model(), hashes));
    Map<String, String> missing = new LinkedHashMap<>();
    for (int i = 0; i < sections.size(); i++) {
      if (!known.containsKey(hashes.get(i))) {
        missing.put(hashes.get(i), sections.get(i).indexedText());
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
    for (int i = 0; i < sections.size(); i++) {
      vectors[i] = known.get(hashes.get(i));
    }
    return new HybridRetriever(sections, embedder, vectors, scope);
  }

  public int size() {
    return sections.size();
  }

  /** The best {@code limit} sections for {@code query}, best first, with the scope verdict. */
  public Retrieval retrieve(String query, int limit) {
    List<String> terms = lexical.terms(query);
    double coverage = lexical.coverage(terms);
    float[] queryVector = embedder.embed(query);
    double[] similarity = new double[sections.size()];
    Integer[] byVector = new Integer[sections.size()];
    double top = -1;
    for (int i = 0; i < vectors.length; i++) {
      similarity[i] = dot(queryVector, vectors[i]);
      byVector[i] = i;
      top = Math.max(top, similarity[i]);
    }
    java.util.Arrays.sort(byVector, Comparator.comparingDouble((Integer i) -> -similarity[i]));
    Map<Integer, Double> fused = new HashMap<>();
    Map<Integer, Double> bm25 = new HashMap<>();
    for (int rank = 0; rank < Math.min(CANDIDATES, byVector.length); rank++) {
      fused.merge(byVector[rank], 1.0 / (RRF_K + rank + 1), Double::sum);
    }
    List<LexicalIndex.Match> matches = lexical.search(terms, CANDIDATES);
    for (int rank = 0; rank < matches.size(); rank++) {
      LexicalIndex.Match match = matches.get(rank);
      fused.merge(match.section(), 1.0 / (RRF_K + rank + 1), Double::sum);
      bm25.put(match.section(), match.score());
    }
    List<Hit> hits =
        fused.entrySet().stream()
            .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
            .limit(limit)
            .map(
                e ->
                    new Hit(
                        sections.get(e.getKey()),
                        e.getValue(),
                        similarity[e.getKey()],
                        bm25.getOrDefault(e.getKey(), 0.0)))
            .toList();
    boolean inScope = !query.isBlank() && scope.inScope(top, coverage);
    return new Retrieval(query, hits, inScope, top, coverage);
  }

  /** The analysed terms of {@code text}, as the lexical index sees them. */
  public List<String> terms(String text) {
    return lexical.terms(text);
  }

  /** The weight of an analysed term: its inverse document frequency over sections. */
  public double termWeight(String term) {
    return lexical.idf(term);
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  static String hash(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
