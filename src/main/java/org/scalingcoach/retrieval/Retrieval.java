package org.scalingcoach.retrieval;

import java.util.List;

/**
 * What retrieval found for a query, and whether the evidence says the knowledge base covers it.
 *
 * @param termCoverage the share of the query's meaningful terms that occur in the knowledge base
 */
public record Retrieval(
    String query, List<Hit> hits, boolean inScope, double topSimilarity, double termCoverage) {

  public Retrieval {
    hits = List.copyOf(hits);
  }
}
