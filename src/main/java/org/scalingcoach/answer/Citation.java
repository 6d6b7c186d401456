package org.scalingcoach.answer;

import org.scalingcoach.knowledge.Topic;

/** A knowledge section an answer quotes, numbered in the answer as {@code [n]}. */
public record Citation(
    String id, String title, Topic topic, String section, String anchor, double score) {

  /** The section's key, {@code id#anchor}. */
  public String key() {
    return id + "#" + anchor;
  }
}
