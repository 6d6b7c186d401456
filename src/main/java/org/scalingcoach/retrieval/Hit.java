package org.scalingcoach.retrieval;

import org.scalingcoach.knowledge.Section;

/**
 * A retrieved section with the evidence behind its rank.
 *
 * @param score the fused score that orders hits
 * @param similarity cosine similarity between the question and the section's whole text or best
 *     sentence, whichever is higher
 * @param bm25 the lexical BM25 score, 0 when the section shares no term with the question
 * @param unitSimilarities cosine similarity of the question with each of the section's units
 */
public record Hit(
    Section section, double score, double similarity, double bm25, double[] unitSimilarities) {}
