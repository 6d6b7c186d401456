package org.scalingcoach.knowledge;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** Reads one knowledge markdown file into a document, collecting every problem with its line. */
public final class KnowledgeParser {

  static final Set<String> FIELDS =
      Set.of("id", "title", "topic", "tags", "owner", "last_reviewed");

  /** A cross-link found in a section, to be checked once every file is known. */
  public record LinkRef(Path file, int line, String documentId, String anchor) {}

  /**
   * What parsing one file gave: its problems, and a document unless the file is unusable. A file is
   * unusable when its front matter is wrong or it has no section; a problem in its body (an empty
   * section, a stray heading) is reported but the rest of the file is kept.
   *
   * @param id the document id when the front matter names one, even if the file is unusable
   * @param anchors the anchors of every section heading, for checking links into this file
   */
  public record ParsedFile(
      Path file,
      String id,
      KnowledgeDocument document,
      List<Problem> problems,
      List<LinkRef> links,
      List<String> anchors) {

    static ParsedFile unusable(Path file, Problem problem) {
      return new ParsedFile(file, null, null, List.of(problem), List.of(), List.of());
    }

    /** The id links use for this file: its own, or the one its name gives (id = file name). */
    String linkId() {
      if (id != null) {
        return id;
      }
      String name = file.getFileName().toString();
      return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }
  }

  private final Parser markdown =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  public ParsedFile parse(Path file, String content) {
    List<Problem> problems = new ArrayList<>();
    FrontMatter frontMatter;
    try {
      frontMatter = FrontMatter.parse(content);
    } catch (FrontMatter.Invalid e) {
      return brokenButKnown(file, content, new Problem(file, e.line, e.getMessage()));
    }
    Map<String, FrontMatter.Field> fields = frontMatter.fields();
    for (FrontMatter.Field field : fields.values()) {
      if (!FIELDS.contains(field.name())) {
        problems.add(
            new Problem(
                file,
                field.line(),
                "unknown front-matter field '" + field.name() + "' (allowed: " + allowed() + ")"));
      }
    }
    for (String required : List.of("id", "title", "topic", "tags", "owner", "last_reviewed")) {
      if (!fields.containsKey(required)) {
        problems.add(new Problem(file, 1, "missing front-matter field '" + required + "'"));
      }
    }
    String id = scalar(file, fields, "id", problems);
    String title = scalar(file, fields, "title", problems);
    String owner = scalar(file, fields, "owner", problems);
    String topicId = scalar(file, fields, "topic", problems);
    Topic topic = null;
    if (topicId != null) {
      topic = Topic.fromId(topicId).orElse(null);
      if (topic == null) {
        problems.add(
            new Problem(
                file,
                fields.get("topic").line(),
                "unknown topic '" + topicId + "' (use one of: " + Topic.allIds() + ")"));
      }
    }
    List<String> tags = tags(file, fields, problems);
    LocalDate reviewed = date(file, fields, problems);
    String expectedName = id + ".md";
    if (id != null && !file.getFileName().toString().equals(expectedName)) {
      problems.add(
          new Problem(
              file,
              fields.get("id").line(),
              "id '" + id + "' must match the file name: rename the file to " + expectedName));
    }
    boolean frontMatterValid = problems.isEmpty();
    if (id == null || title == null) {
      return new ParsedFile(file, id, null, problems, List.of(), headings(content));
    }
    List<LinkRef> links = new ArrayList<>();
    List<String> anchors = new ArrayList<>();
    List<Section> sections =
        sections(file, id, title, topic, tags, frontMatter, problems, links, anchors);
    if (anchors.isEmpty()) {
      problems.add(
          new Problem(file, frontMatter.bodyStartLine(), "no '## ' sections: nothing to retrieve"));
    }
    KnowledgeDocument document =
        frontMatterValid && !sections.isEmpty()
            ? new KnowledgeDocument(id, title, topic, tags, owner, reviewed, file, sections)
            : null;
    return new ParsedFile(file, id, document, problems, links, anchors);
  }

  /**
   * A file whose front matter cannot be read is skipped, but it still answers for the id its name
   * gives it and for its headings, so links into it are not reported as broken on top of its own
   * problem: one mistake, one message, at the file that has it.
   */
  private ParsedFile brokenButKnown(Path file, String content, Problem problem) {
    return new ParsedFile(file, null, null, List.of(problem), List.of(), headings(content));
  }

  /** The anchors of every {@code ##} heading in {@code content}, front matter or not. */
  private List<String> headings(String content) {
    List<String> anchors = new ArrayList<>();
    for (Node node = markdown.parse(content).getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading && heading.getLevel() == 2) {
        anchors.add(Anchors.of(Inline.plain(heading)));
      }
    }
    return anchors;
  }

  private static String allowed() {
    return "id, title, topic, tags, owner, last_reviewed";
  }

  private static String scalar(
      Path file, Map<String, FrontMatter.Field> fields, String name, List<Problem> problems) {
    FrontMatter.Field field = fields.get(name);
    if (field == null) {
      return null;
    }
    if (field.scalar() == null || field.scalar().isBlank()) {
      problems.add(new Problem(file, field.line(), "field '" + name + "' must not be empty"));
      return null;
    }
    return field.scalar().strip();
  }

  private static List<String> tags(
      Path file, Map<String, FrontMatter.Field> fields, List<Problem> problems) {
    FrontMatter.Field field = fields.get("tags");
    if (field == null) {
      return List.of();
    }
    if (field.list() == null) {
      problems.add(
          new Problem(file, field.line(), "field 'tags' must be a list, e.g. [data, quality]"));
      return List.of();
    }
    return field.list().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static LocalDate date(
      Path file, Map<String, FrontMatter.Field> fields, List<Problem> problems) {
    FrontMatter.Field field = fields.get("last_reviewed");
    if (field == null || field.scalar() == null) {
      if (field != null) {
        problems.add(new Problem(file, field.line(), "field 'last_reviewed' must be a date"));
      }
      return null;
    }
    try {
      return LocalDate.parse(field.scalar().strip());
    } catch (DateTimeParseException e) {
      problems.add(
          new Problem(
              file,
              field.line(),
              "field 'last_reviewed' must be a date like 2026-11-02, not '"
                  + field.scalar()
                  + "'"));
      return null;
    }
  }

  private List<Section> sections(
      Path file,
      String id,
      String title,
      Topic topic,
      List<String> tags,
      FrontMatter frontMatter,
      List<Problem> problems,
      List<LinkRef> links,
      List<String> anchors) {
    Node document = markdown.parse(frontMatter.body());
    int offset = frontMatter.bodyStartLine();
    List<Section> sections = new ArrayList<>();
    SectionBuilder current = null;
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      int line = line(node, offset);
      if (node instanceof Heading heading && heading.getLevel() <= 2) {
        if (heading.getLevel() == 1) {
          problems.add(
              new Problem(
                  file,
                  line,
                  "use '## ' headings for sections; the title belongs in front matter"));
          continue;
        }
        finish(current, file, problems, sections, anchors);
        String text = Inline.markdown(heading);
        String anchor = Anchors.of(Inline.plain(heading));
        if (anchors.contains(anchor)) {
          problems.add(
              new Problem(file, line, "duplicate section heading '" + text + "' in this file"));
        }
        anchors.add(anchor);
        current = new SectionBuilder(id, title, topic, tags, Inline.plain(heading), anchor, line);
        continue;
      }
      if (current == null) {
        problems.add(
            new Problem(
                file, line, "text before the first '## ' section is never retrieved: move it"));
        continue;
      }
      current.add(node, line, file, problems);
      collectLinks(node, file, line, links, current);
    }
    finish(current, file, problems, sections, anchors);
    return sections;
  }

  /** Ends a section; its aliases join the anchors that links into this file may use. */
  private static void finish(
      SectionBuilder current,
      Path file,
      List<Problem> problems,
      List<Section> sections,
      List<String> anchors) {
    if (current == null) {
      return;
    }
    current.finish(file, problems).ifPresent(sections::add);
    for (String alias : current.aliases) {
      if (anchors.contains(alias)) {
        problems.add(
            new Problem(
                file,
                current.line,
                "alias '" + alias + "' of section '" + current.heading + "' is already an anchor"));
      } else {
        anchors.add(alias);
      }
    }
  }

  private static int line(Node node, int offset) {
    List<SourceSpan> spans = node.getSourceSpans();
    return spans.isEmpty() ? offset : spans.get(0).getLineIndex() + offset;
  }

  private static void collectLinks(
      Node node, Path file, int line, List<LinkRef> links, SectionBuilder section) {
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            String destination = link.getDestination();
            String lower = destination.toLowerCase(Locale.ROOT);
            if (!lower.contains("://") && !lower.startsWith("mailto:")) {
              int hash = destination.indexOf('#');
              String path = hash < 0 ? destination : destination.substring(0, hash);
              String anchor = hash < 0 ? null : destination.substring(hash + 1);
              String name = Path.of(path.isEmpty() ? "." : path).getFileName().toString();
              String targetId =
                  path.isEmpty()
                      ? section.documentId
                      : name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
              links.add(new LinkRef(file, line, targetId, anchor));
              section.links.add(anchor == null ? targetId : targetId + "#" + anchor);
            }
            visitChildren(link);
          }
        });
  }
}
