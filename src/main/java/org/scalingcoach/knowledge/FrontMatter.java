package org.scalingcoach.knowledge;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The YAML block between the {@code ---} lines at the top of a markdown file, with the line of
 * every field so problems can point at it.
 */
record FrontMatter(Map<String, Field> fields, int bodyStartLine, String body) {

  /** A front-matter value: a scalar, or a list of scalars, and the line it sits on. */
  record Field(String name, int line, String scalar, List<String> list) {}

  static final class Invalid extends Exception {
    final int line;

    Invalid(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  /** Splits {@code content} into front matter and body; lines are 1-based in the whole file. */
  static FrontMatter parse(String content) throws Invalid {
    String normalised = content.replace("\r\n", "\n");
    if (!normalised.startsWith("---\n")) {
      throw new Invalid(1, "missing front matter: the file must start with a '---' line");
    }
    int end = normalised.indexOf("\n---\n", 3);
    boolean endsAtEof = false;
    if (end < 0 && normalised.endsWith("\n---")) {
      end = normalised.length() - 4;
      endsAtEof = true;
    }
    if (end < 0) {
      throw new Invalid(1, "front matter is not closed: add a '---' line after the fields");
    }
    String yaml = normalised.substring(4, end + 1);
    int yamlLines = (int) yaml.chars().filter(c -> c == '\n').count();
    int bodyStartLine = yamlLines + 3;
    String body = endsAtEof ? "" : normalised.substring(end + 5);
    Node root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 2 : e.getProblemMark().getLine() + 2;
      throw new Invalid(line, "front matter is not valid YAML: " + e.getProblem());
    }
    if (!(root instanceof MappingNode mapping)) {
      throw new Invalid(2, "front matter must be a set of 'field: value' lines");
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      int line = tuple.getKeyNode().getStartMark().getLine() + 2;
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new Invalid(line, "front-matter field names must be plain words");
      }
      Node value = tuple.getValueNode();
      if (value instanceof ScalarNode scalar) {
        fields.put(key.getValue(), new Field(key.getValue(), line, scalar.getValue(), null));
      } else if (value instanceof SequenceNode sequence) {
        List<String> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
          if (item instanceof ScalarNode s) {
            items.add(s.getValue());
          } else {
            throw new Invalid(line, "field '" + key.getValue() + "' must be a list of words");
          }
        }
        fields.put(key.getValue(), new Field(key.getValue(), line, null, items));
      } else {
        throw new Invalid(line, "field '" + key.getValue() + "' must be a value or a list");
      }
    }
    return new FrontMatter(fields, bodyStartLine, body);
  }
}
