package org.scalingcoach.knowledge;

import java.util.List;

/**
 * One {@code ##} section of a knowledge document: the unit that is retrieved and cited.
 *
 * @param units the answerable pieces of the section (sentences of paragraphs and list items), in
 *     order, as plain text
 * @param links the sections and documents this section links to, as {@code id} or {@code id#anchor}
 */
public record Section(
    String documentId,
    String documentTitle,
    Topic topic,
    List<String> tags,
    String heading,
    String anchor,
    int line,
    String text,
    List<String> units,
    List<String> links) {

  public Section {
    tags = List.copyOf(tags);
    units = List.copyOf(units);
    links = List.copyOf(links);
  }

  /** The stable citation key of this section, {@code documentId#anchor}. */
  public String key() {
    return documentId + "#" + anchor;
  }

  /** The text that is indexed and embedded: the document title, heading and body. */
  public String indexedText() {
    return documentTitle + ". " + heading + ". " + text;
  }
}
