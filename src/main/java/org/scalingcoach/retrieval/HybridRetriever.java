package org.scalingcoach.retrieval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.knowledge.Synonyms;

/**
 * Finds the sections that answer a question by fusing BM25 and embedding similarity with reciprocal
 * rank fusion, and judges from the same evidence whether the question is in scope.
 */
public final class HybridRetriever {
  /**
   * How much the lexical match adds to the semantic one. Relative score fusion: the best BM25 score
   * of a query counts as this much cosine similarity, others in proportion.
   */
  private static final double LEXICAL_WEIGHT = 0.18;

  private static final int CANDIDATES = 40;

  /** How much the whole section's similarity counts in its rank, against its best sentence's. */
  private static final double SECTION_WEIGHT = 0.5;

  /** How many top hits vote on the topic, and how much each further hit of a topic counts. */
  private static final int VOTERS = 5;

  private static final double VOTE_DECAY = 0.35;

  /**
   * The vote only moves a section first when it scores at most this much below the best one: a
   * clearly weaker section never leads because its topic has more hits.
   */
  private static final double VOTE_MARGIN = 0.03;

  /** Sections whose sentences are compared with the query, besides the lexical candidates. */
  private static final int SHORTLIST = 150;

  private final List<Section> sections;
  private final PassageVectors ranking;

  /** The vectors the scope verdict is taken from: {@link #ranking}'s unless another model's. */
  private final PassageVectors scoping;

  private final LexicalIndex lexical;
  private final ScopePolicy scope;

  private HybridRetriever(
      List<Section> sections,
      PassageVectors ranking,
      PassageVectors scoping,
      ScopePolicy scope,
      Synonyms synonyms) {
    this.sections = List.copyOf(sections);
    this.ranking = ranking;
    this.scoping = scoping;
    this.lexical = new LexicalIndex(this.sections, synonyms);
    this.scope = scope;
  }

  /** Indexes {@code sections}, embedding only those whose text is not in {@code cache}. */
  public static HybridRetriever build(
      List<Section> sections, Embedder embedder, EmbeddingCache cache, ScopePolicy scope) {
    return build(sections, embedder, cache, scope, Synonyms.NONE);
  }

  /** Indexes {@code sections}, reading questions with {@code synonyms}. */
  public static HybridRetriever build(
      List<Section> sections,
      Embedder embedder,
      EmbeddingCache cache,
      ScopePolicy scope,
      Synonyms synonyms) {
    return build(sections, embedder, embedder, cache, scope, synonyms);
  }

  /**
   * Indexes {@code sections} under two models: {@code embedder} ranks the sections, {@code
   * scopeEmbedder} gives the similarity the scope verdict is taken from (the same object for one
   * model), so a model that ranks better can be used without moving the boundary of what is
   * answered.
   */
  public static HybridRetriever build(
      List<Section> sections,
      Embedder embedder,
      Embedder scopeEmbedder,
      EmbeddingCache cache,
      ScopePolicy scope,
      Synonyms synonyms) {
    PassageVectors ranking = PassageVectors.build(sections, embedder, cache);
    PassageVectors scoping =
        scopeEmbedder == embedder ? ranking : PassageVectors.build(sections, scopeEmbedder, cache);
    return new HybridRetriever(sections, ranking, scoping, scope, synonyms);
  }

  public int size() {
    return sections.size();
  }

  /** How many texts building this index had to embed because the cache did not know them. */
  public int embedded() {
    return ranking.embedded() + (scoping == ranking ? 0 : scoping.embedded());
  }

  /**
   * The best {@code limit} sections for {@code question}, best first, with the scope verdict. The
   * question's misspellings are corrected first; the retrieval's query is the corrected text.
   */
  public Retrieval retrieve(String question, int limit) {
    String query = lexical.corrected(question);
    List<String> terms = lexical.queryTerms(query);
    double coverage = lexical.coverage(terms);
    String expanded = lexical.expanded(query);
    float[] queryVector = ranking.embed(expanded);
    Map<Integer, Double> bm25 = new HashMap<>();
    double topBm25 = 0;
    for (LexicalIndex.Match match : lexical.search(terms, lexical.pairs(query), CANDIDATES)) {
      bm25.put(match.section(), match.score());
      topBm25 = Math.max(topBm25, match.score());
    }
    // Stage one: whole-section similarity for all; stage two: sentence similarity for a shortlist.
    double[] similarity = new double[sections.size()];
    Integer[] order = new Integer[sections.size()];
    for (int i = 0; i < sections.size(); i++) {
      similarity[i] = ranking.section(queryVector, i);
      order[i] = i;
    }
    Set<Integer> shortlist = new HashSet<>(bm25.keySet());
    if (sections.size() <= SHORTLIST) {
      shortlist.addAll(java.util.Arrays.asList(order));
    } else {
      java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -similarity[i]));
      shortlist.addAll(java.util.Arrays.asList(order).subList(0, SHORTLIST));
    }
    double top = -1;
    List<Hit> all = new ArrayList<>(shortlist.size());
    for (int i : shortlist) {
      double[] units = ranking.units(queryVector, i);
      double best = similarity[i];
      for (double unit : units) {
        best = Math.max(best, unit);
      }
      // The scope verdict weighs what the knowledge says, not how people ask: a question that only
      // sounds like a wording ("who should own that?") is no evidence the coach knows the answer.
      top = Math.max(top, best);
      // For the rank, the ways people ask for a section count like its best sentence (never
      // quoted).
      best = Math.max(best, ranking.asked(queryVector, i));
      double lexicalScore = bm25.getOrDefault(i, 0.0);
      // Ranked by the whole section as much as by its best sentence, so one sentence in the
      // user's own words does not carry a section that is not about the question.
      double meaning = SECTION_WEIGHT * similarity[i] + (1 - SECTION_WEIGHT) * best;
      double fused = meaning + (topBm25 == 0 ? 0 : LEXICAL_WEIGHT * lexicalScore / topBm25);
      all.add(new Hit(sections.get(i), fused, best, lexicalScore, units));
    }
    if (scoping != ranking) {
      float[] scopeVector = scoping.embed(expanded);
      top = -1;
      for (int i : shortlist) {
        top = Math.max(top, scoping.best(scopeVector, i));
      }
    }
    all.sort(Comparator.comparingDouble(Hit::score).reversed());
    leadWithConsensusTopic(all);
    boolean inScope = !query.isBlank() && scope.inScope(top, coverage);
    return new Retrieval(
        query, all.subList(0, Math.min(limit, all.size())), inScope, top, coverage);
  }

  /**
   * Puts first the best section of the topic the top hits agree on. Each topic's hits among the top
   * few count with decaying weight, so a topic backed by several strong sections wins over one
   * lucky sentence elsewhere; when the best hit's topic wins, nothing moves.
   */
  private static void leadWithConsensusTopic(List<Hit> hits) {
    Map<org.scalingcoach.knowledge.Topic, Double> votes = new HashMap<>();
    Map<org.scalingcoach.knowledge.Topic, Double> weights = new HashMap<>();
    for (Hit hit : hits.subList(0, Math.min(VOTERS, hits.size()))) {
      double weight = weights.getOrDefault(hit.section().topic(), 1.0);
      votes.merge(hit.section().topic(), weight * hit.score(), Double::sum);
      weights.put(hit.section().topic(), weight * VOTE_DECAY);
    }
    if (hits.isEmpty()) {
      return;
    }
    double best = hits.get(0).score();
    votes.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .ifPresent(
            winner -> {
              for (int i = 0; i < hits.size(); i++) {
                if (hits.get(i).section().topic() == winner.getKey()) {
                  if (hits.get(i).score() >= best - VOTE_MARGIN) {
                    hits.add(0, hits.remove(i));
                  }
                  return;
                }
              }
            });
  }

  /** The terms a question is searched with, synonyms and abbreviations expanded. */
  public List<String> queryTerms(String question) {
    return lexical.queryTerms(question);
  }

  /** The analysed terms of {@code text}, as the lexical index sees them. */
  public List<String> terms(String text) {
    return lexical.terms(text);
  }

  /** The weight of an analysed term: its inverse document frequency over sections. */
  public double termWeight(String term) {
    return lexical.idf(term);
  }

  /**
   * The share of {@code wanted}'s weight (each term by {@link #termWeight}, counted as often as it
   * is listed) that {@code present} holds; 0 when nothing is wanted.
   */
  public double weightedShare(Collection<String> wanted, Set<String> present) {
    double total = 0;
    double found = 0;
    for (String term : wanted) {
      double weight = termWeight(term);
      total += weight;
      if (present.contains(term)) {
        found += weight;
      }
    }
    return total == 0 ? 0 : found / total;
  }

  static String unitText(Section section, String unit) {
    return section.heading() + ": " + unit.replace("**", "");
  }

  static String hash(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /**
   * A retriever over other sections and their synonym list with the same models and scope policy,
   * embedding only what {@code cache} does not know: how a draft is previewed before it is saved,
   * searched as the live knowledge base would be once it is.
   */
  public HybridRetriever reindex(
      List<Section> otherSections, Synonyms synonyms, EmbeddingCache cache) {
    return build(otherSections, ranking.embedder(), scoping.embedder(), cache, scope, synonyms);
  }

  /** How this retriever decides whether a question is in scope. */
  public ScopePolicy scopePolicy() {
    return scope;
  }
}
