package org.scalingcoach.audit;

/**
 * One thing to do next, taken from the question that showed the gap.
 *
 * @param knowledge the knowledge section that explains it, as {@code documentId#anchor}
 * @param finding what the answer showed, such as "Now: 1 Initial" or "Not answered"
 */
public record NextAction(
    String questionId, String dimension, String action, String knowledge, String finding) {}
