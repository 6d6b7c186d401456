package org.scalingcoach.knowledge;

import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;

/** Collects the blocks of one section and turns them into units. */
final class SectionBuilder {
  final String documentId;
  final String title;
  final Topic topic;
  final List<String> tags;
  final String heading;
  final String anchor;
  final int line;
  final List<String> units = new ArrayList<>();
  final List<String> links = new ArrayList<>();
  final StringBuilder text = new StringBuilder();

  SectionBuilder(
      String documentId,
      String title,
      Topic topic,
      List<String> tags,
      String heading,
      String anchor,
      int line) {
    this.documentId = documentId;
    this.title = title;
    this.topic = topic;
    this.tags = tags;
    this.heading = heading;
    this.anchor = anchor;
    this.line = line;
  }

  void add(Node node, int line) {
    if (node instanceof Paragraph || node instanceof BlockQuote) {
      for (String sentence : sentences(Inline.markdown(node))) {
        addUnit(sentence);
      }
    } else if (node instanceof BulletList || node instanceof OrderedList) {
      addList((ListBlock) node);
    } else if (node instanceof Heading heading) {
      // a ### sub-heading labels what follows; it is searchable but never quoted alone
      text.append(Inline.plain(heading)).append(". ");
    } else if (node instanceof Block) {
      String plain = Inline.plain(node).strip();
      if (!plain.isEmpty()) {
        text.append(plain).append(' ');
      }
    }
  }

  private void addList(ListBlock list) {
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (item instanceof ListItem) {
        StringBuilder itemText = new StringBuilder();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
          if (child instanceof ListBlock nested) {
            addList(nested);
          } else {
            if (itemText.length() > 0) {
              itemText.append(' ');
            }
            itemText.append(Inline.markdown(child).strip());
          }
        }
        addUnit(itemText.toString());
      }
    }
  }

  private void addUnit(String unit) {
    String clean = unit.strip();
    if (!clean.isEmpty()) {
      units.add(clean);
      text.append(Inline.stripMarkers(clean)).append(' ');
    }
  }

  java.util.Optional<Section> finish(Path file, List<Problem> problems) {
    if (units.isEmpty()) {
      problems.add(new Problem(file, line, "section '" + heading + "' is empty"));
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new Section(
            documentId,
            title,
            topic,
            tags,
            heading,
            anchor,
            line,
            text.toString().strip(),
            units,
            links));
  }

  static List<String> sentences(String paragraph) {
    BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    iterator.setText(paragraph);
    List<String> out = new ArrayList<>();
    int start = iterator.first();
    for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
      String sentence = paragraph.substring(start, end).strip();
      if (!sentence.isEmpty()) {
        out.add(sentence);
      }
    }
    return out;
  }
}
