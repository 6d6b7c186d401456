package org.scalingcoach.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalingcoach.knowledge.Problem;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads typed fields out of a composed YAML node tree, recording each problem with its line. */
public final class YamlFields {
  private final Path file;
  private final List<Problem> problems = new ArrayList<>();

  public YamlFields(Path file) {
    this.file = file;
  }

  public List<Problem> problems() {
    return problems;
  }

  public void problem(Node at, String message) {
    problems.add(new Problem(file, line(at), message));
  }

  public static int line(Node node) {
    return node == null ? 1 : node.getStartMark().getLine() + 1;
  }

  /** The keys of a mapping node in file order; reports a non-mapping or a duplicate key. */
  public Optional<Map<String, Node>> mapping(Node node, String what) {
    if (!(node instanceof MappingNode mapping)) {
      problem(node, what + " must be a mapping of 'key: value' lines");
      return Optional.empty();
    }
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String key =
          tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "(complex key)";
      if (fields.putIfAbsent(key, tuple.getValueNode()) != null) {
        problem(tuple.getKeyNode(), "duplicate key '" + key + "' in " + what);
      }
    }
    return Optional.of(fields);
  }

  public Optional<String> text(Map<String, Node> fields, Node parent, String key, String what) {
    Node node = fields.get(key);
    if (node == null) {
      problem(parent, what + " is missing '" + key + "'");
      return Optional.empty();
    }
    if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
      problem(node, "'" + key + "' of " + what + " must be non-empty text");
      return Optional.empty();
    }
    return Optional.of(scalar.getValue().strip());
  }

  public Optional<Integer> integer(Map<String, Node> fields, Node parent, String key, String what) {
    return text(fields, parent, key, what)
        .flatMap(
            raw -> {
              try {
                return Optional.of(Integer.parseInt(raw));
              } catch (NumberFormatException e) {
                problem(fields.get(key), "'" + key + "' of " + what + " must be a whole number");
                return Optional.empty();
              }
            });
  }

  public List<Node> list(Map<String, Node> fields, Node parent, String key, String what) {
    Node node = fields.get(key);
    if (node == null) {
      problem(parent, what + " is missing '" + key + "'");
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
      problem(node, "'" + key + "' of " + what + " must be a non-empty list of '- ' items");
      return List.of();
    }
    return sequence.getValue();
  }

  public void onlyKnownKeys(Map<String, Node> fields, List<String> known, String what) {
    fields.forEach(
        (key, node) -> {
          if (!known.contains(key)) {
            problem(node, "unknown key '" + key + "' in " + what + "; expected one of " + known);
          }
        });
  }
}
