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
import org.commonmark.node.HtmlBlock;
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
  final List<Integer> lists = new ArrayList<>();
  final List<String> aliases = new ArrayList<>();
  final List<String> asked = new ArrayList<>();
  private SectionRole role;
  private int listCount;
  private int listNumber;
  private int blockNumber;
  private final List<Integer> blocks = new ArrayList<>();
  final List<String> links = new ArrayList<>();
  final StringBuilder text = new StringBuilder();

  /** The longest wording of how a section is asked for. */
  static final int MAX_ASKED = 200;

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

  void add(Node node, int line, Path file, List<Problem> problems) {
    if (node instanceof HtmlBlock html && html.getLiteral().strip().startsWith("<!--")) {
      settings(html.getLiteral(), line, file, problems);
    } else if (node instanceof Paragraph || node instanceof BlockQuote) {
      blockNumber++;
      for (String sentence : sentences(Inline.markdown(node))) {
        addUnit(sentence);
      }
    } else if (node instanceof BulletList || node instanceof OrderedList) {
      blockNumber++;
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

  /**
   * Reads {@code <!-- role: remedy; aliases: old-anchor, older-anchor; asked: how do we … | what is
   * … -->}: the section's role, the anchors it had under earlier headings, and how people ask for
   * what it says (separated by {@code |}).
   */
  private void settings(String comment, int line, Path file, List<Problem> problems) {
    String body = comment.strip();
    body = body.substring(4, body.endsWith("-->") ? body.length() - 3 : body.length());
    for (String setting : body.split(";")) {
      int colon = setting.indexOf(':');
      if (colon < 0) {
        continue; // an ordinary comment for editors
      }
      String name = setting.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = setting.substring(colon + 1).strip();
      if (name.equals("role")) {
        role = SectionRole.fromId(value).orElse(null);
        if (role == null) {
          problems.add(
              new Problem(
                  file,
                  line,
                  "unknown section role '"
                      + value
                      + "' (use one of: "
                      + SectionRole.allIds()
                      + ")"));
        }
      } else if (name.equals("asked")) {
        for (String wording : value.split("\\|")) {
          String clean = wording.strip().replaceAll("\\s+", " ");
          if (clean.length() > MAX_ASKED) {
            problems.add(
                new Problem(
                    file,
                    line,
                    "an 'asked' wording is over "
                        + MAX_ASKED
                        + " characters: write it as a person would type the question"));
          } else if (!clean.isEmpty() && !asked.contains(clean)) {
            asked.add(clean);
          }
        }
      } else if (name.equals("aliases")) {
        for (String alias : value.split(",")) {
          if (!alias.isBlank()) {
            aliases.add(alias.strip());
          }
        }
      }
    }
  }

  private void addList(ListBlock list) {
    int outer = listNumber;
    listNumber = ++listCount;
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
    listNumber = outer;
  }

  private void addUnit(String unit) {
    String clean = unit.strip();
    if (!clean.isEmpty()) {
      units.add(clean);
      lists.add(listNumber);
      blocks.add(blockNumber);
      text.append(Inline.stripMarkers(clean)).append(' ');
    }
  }

  java.util.Optional<Section> finish(Path file, List<Problem> problems) {
    if (units.isEmpty()) {
      problems.add(new Problem(file, line, "section '" + heading + "' is empty"));
      return java.util.Optional.empty();
    }
    SectionRole finalRole = role == null ? SectionRole.fromHeading(heading) : role;
    if (finalRole.describesProblem() && links.isEmpty()) {
      problems.add(
          new Problem(
              file,
              line,
              "section '"
                  + heading
                  + "' lists "
                  + finalRole.id()
                  + " but links to no remedy: link the section that says what to do"));
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
            links,
            finalRole,
            lists,
            aliases,
            blocks,
            asked));
  }

  /**
   * Whether the break iterator split a sentence that goes on: after a question or exclamation
   * inside quotes ({@code the first question is "who pays?" and nobody knows}) or after an
   * abbreviation such as "e.g.", the next piece starts in lower case.
   */
  private static boolean continues(String previous, String next) {
    char first = next.charAt(0);
    boolean lower = Character.isLetter(first) && Character.isLowerCase(first);
    return lower || previous.endsWith("e.g.") || previous.endsWith("i.e.");
  }

  static List<String> sentences(String paragraph) {
    BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    iterator.setText(paragraph);
    List<String> out = new ArrayList<>();
    int start = iterator.first();
    for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
      String sentence = paragraph.substring(start, end).strip();
      if (sentence.isEmpty()) {
        continue;
      }
      if (!out.isEmpty() && continues(out.get(out.size() - 1), sentence)) {
        out.set(out.size() - 1, out.get(out.size() - 1) + " " + sentence);
      } else {
        out.add(sentence);
      }
    }
    return out;
  }
}
