package org.scalingcoach.knowledge;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** A curated markdown file of the knowledge base, split into its sections. */
public record KnowledgeDocument(
    String id,
    String title,
    Topic topic,
    List<String> tags,
    String owner,
    LocalDate lastReviewed,
    Path source,
    List<Section> sections) {

  public KnowledgeDocument {
    tags = List.copyOf(tags);
    sections = List.copyOf(sections);
  }
}
