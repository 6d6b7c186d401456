package org.scalingcoach.answer;

import org.scalingcoach.knowledge.Section;
import org.scalingcoach.knowledge.Topic;
import org.scalingcoach.retrieval.Hit;

/** A knowledge section an answer quotes, numbered in the answer as {@code [n]}. */
public record Citation(
    String id, String title, Topic topic, String section, String anchor, double score) {

  /** The citation of a retrieved section, with its fused score rounded to four places. */
  public static Citation of(Hit hit) {
    Section s = hit.section();
    return new Citation(
        s.documentId(),
        s.documentTitle(),
        s.topic(),
        s.heading(),
        s.anchor(),
        Math.round(hit.score() * 10_000) / 10_000.0);
  }

  /** The section's key, {@code id#anchor}. */
  public String key() {
    return id + "#" + anchor;
  }
}
