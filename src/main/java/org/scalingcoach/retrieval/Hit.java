package org.scalingcoach.retrieval;

import org.scalingcoach.knowledge.Section;

/**
 * A retrieved section with the evidence behind its rank.
 *
 * @param score the fused (reciprocal rank) score that orders hits
 * @param similarity cosine similarity between the question and the section, -1 to 1
 * @param bm25 the lexical BM25 score, 0 when the section shares no term with the question
 */
public record Hit(Section section, double score, double similarity, double bm25) {}
