package org.scalingcoach.knowledge;

import java.util.List;

/**
 * One {@code ##} section of a knowledge document: the unit that is retrieved and cited.
 *
 * @param units the answerable pieces of the section (sentences of paragraphs and list items), in
 *     order, as plain text
 * @param links the sections and documents this section links to, as {@code id} or {@code id#anchor}
 * @param lists for each unit, the number (from 1) of the list it is an item of, or 0 for a sentence
 *     of a paragraph
 * @param aliases earlier anchors of this section that links and citations still resolve
 * @param blocks for each unit, the number (from 1) of the paragraph or top-level list it belongs
 *     to: the sentences of one paragraph share a number, so an answer can quote a passage whole
 * @param asked how people ask for what this section says, in their own words ({@code <!-- asked: …
 *     | … -->}): searched like the section's sentences, never quoted
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
    List<String> links,
    SectionRole role,
    List<Integer> lists,
    List<String> aliases,
    List<Integer> blocks,
    List<String> asked) {

  public Section {
    asked = List.copyOf(asked);
    tags = List.copyOf(tags);
    units = List.copyOf(units);
    links = List.copyOf(links);
    lists = List.copyOf(lists);
    aliases = List.copyOf(aliases);
    blocks = List.copyOf(blocks);
    if (lists.size() != units.size() || blocks.size() != units.size()) {
      throw new IllegalArgumentException("one list number and one block number per unit");
    }
  }

  /** A section of plain sentences, each its own paragraph, its role taken from its heading. */
  public Section(
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
    this(
        documentId,
        documentTitle,
        topic,
        tags,
        heading,
        anchor,
        line,
        text,
        units,
        links,
        SectionRole.fromHeading(heading),
        java.util.Collections.nCopies(units.size(), 0),
        List.of(),
        java.util.stream.IntStream.rangeClosed(1, units.size()).boxed().toList(),
        List.of());
  }

  /** Whether {@code anchor} names this section, now or under an earlier heading. */
  public boolean answersTo(String anchor) {
    return this.anchor.equals(anchor) || aliases.contains(anchor);
  }

  /**
   * Whether this section links to {@code other}: to its document, or to it by its anchor or by an
   * earlier anchor it keeps as an alias.
   */
  public boolean linksTo(Section other) {
    String prefix = other.documentId() + "#";
    for (String link : links) {
      if (link.equals(other.documentId())
          || (link.startsWith(prefix) && other.answersTo(link.substring(prefix.length())))) {
        return true;
      }
    }
    return false;
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
