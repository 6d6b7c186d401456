package org.scalingcoach.audit;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.scalingcoach.knowledge.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns the YAML of one audit file into an {@link AuditDefinition}, reporting every problem with
 * its file and line. Uses SnakeYAML's node tree so each value keeps the line it came from.
 */
public final class AuditDefinitionParser {
  static final int MIN_QUESTIONS = 8;
  static final int MAX_QUESTIONS = 15;
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final Pattern LINK = Pattern.compile("[a-z0-9-]+#[a-z0-9-]+");

  /**
   * A knowledge link met in the file, kept with its line for checking against the knowledge base.
   */
  public record LinkRef(String key, int line) {}

  /** The outcome of parsing one file: a definition only when there were no problems. */
  public record Parsed(
      Path file, AuditDefinition definition, List<Problem> problems, List<LinkRef> links) {}

  public Parsed parse(Path file, String source) {
    YamlFields yaml = new YamlFields(file);
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(source));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      return failed(file, new Problem(file, line, "not valid YAML: " + e.getProblem()));
    } catch (YAMLException e) {
      return failed(file, new Problem(file, 1, "not valid YAML: " + e.getMessage()));
    }
    if (root == null) {
      return failed(file, new Problem(file, 1, "the file is empty"));
    }
    List<LinkRef> links = new ArrayList<>();
    Optional<AuditDefinition> definition = definition(yaml, root, source, links);
    List<Problem> problems = List.copyOf(yaml.problems());
    return new Parsed(file, problems.isEmpty() ? definition.orElse(null) : null, problems, links);
  }

  private static Parsed failed(Path file, Problem problem) {
    return new Parsed(file, null, List.of(problem), List.of());
  }

  private Optional<AuditDefinition> definition(
      YamlFields yaml, Node root, String source, List<LinkRef> links) {
    Optional<Map<String, Node>> maybeFields = yaml.mapping(root, "the audit");
    if (maybeFields.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Node> fields = maybeFields.get();
    yaml.onlyKnownKeys(
        fields, List.of("id", "version", "title", "summary", "model", "dimensions"), "the audit");
    Optional<String> id =
        yaml.text(fields, root, "id", "the audit").filter(v -> validId(yaml, fields.get("id"), v));
    Optional<Integer> version = yaml.integer(fields, root, "version", "the audit");
    version
        .filter(v -> v < 1)
        .ifPresent(v -> yaml.problem(fields.get("version"), "'version' must be 1 or more"));
    Optional<String> title = yaml.text(fields, root, "title", "the audit");
    Optional<String> summary = yaml.text(fields, root, "summary", "the audit");
    Optional<MaturityModel> model =
        Optional.ofNullable(fields.get("model")).flatMap(n -> model(yaml, n));
    if (!fields.containsKey("model")) {
      yaml.problem(root, "the audit is missing 'model'");
    }
    List<AuditDimension> dimensions = new ArrayList<>();
    Set<String> questionIds = new HashSet<>();
    Set<String> dimensionIds = new HashSet<>();
    for (Node node : yaml.list(fields, root, "dimensions", "the audit")) {
      dimension(yaml, node, model, questionIds, dimensionIds, links).ifPresent(dimensions::add);
    }
    int questions = questionCount(fields.get("dimensions"));
    if (fields.containsKey("dimensions")
        && (questions < MIN_QUESTIONS || questions > MAX_QUESTIONS)) {
      yaml.problem(
          fields.get("dimensions"),
          "an audit needs "
              + MIN_QUESTIONS
              + " to "
              + MAX_QUESTIONS
              + " questions, this one has "
              + questions);
    }
    if (id.isEmpty()
        || version.isEmpty()
        || title.isEmpty()
        || summary.isEmpty()
        || model.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AuditDefinition(
            id.get(),
            version.get(),
            title.get(),
            summary.get(),
            model.get(),
            dimensions,
            sha256(source),
            source));
  }

  /** Counts question entries as written, so a broken question still counts towards the total. */
  private static int questionCount(Node dimensions) {
    int count = 0;
    if (dimensions instanceof SequenceNode list) {
      for (Node dimension : list.getValue()) {
        if (dimension instanceof MappingNode mapping) {
          for (var tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key
                && key.getValue().equals("questions")
                && tuple.getValueNode() instanceof SequenceNode questions) {
              count += questions.getValue().size();
            }
          }
        }
      }
    }
    return count;
  }

  private Optional<MaturityModel> model(YamlFields yaml, Node node) {
    Optional<Map<String, Node>> maybe = yaml.mapping(node, "the model");
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Node> fields = maybe.get();
    yaml.onlyKnownKeys(fields, List.of("name", "levels"), "the model");
    Optional<String> name = yaml.text(fields, node, "name", "the model");
    List<MaturityLevel> levels = new ArrayList<>();
    Set<Integer> values = new HashSet<>();
    for (Node levelNode : yaml.list(fields, node, "levels", "the model")) {
      yaml.mapping(levelNode, "a level")
          .ifPresent(
              level -> {
                yaml.onlyKnownKeys(level, List.of("level", "name"), "a level");
                Optional<Integer> value = yaml.integer(level, levelNode, "level", "a level");
                Optional<String> levelName = yaml.text(level, levelNode, "name", "a level");
                if (value.isPresent() && !values.add(value.get())) {
                  yaml.problem(levelNode, "level " + value.get() + " is listed twice");
                } else if (value.isPresent() && levelName.isPresent()) {
                  levels.add(new MaturityLevel(value.get(), levelName.get()));
                }
              });
    }
    if (levels.size() < 2) {
      yaml.problem(node, "the model needs at least two levels");
      return Optional.empty();
    }
    return name.map(n -> new MaturityModel(n, levels));
  }

  private Optional<AuditDimension> dimension(
      YamlFields yaml,
      Node node,
      Optional<MaturityModel> model,
      Set<String> questionIds,
      Set<String> dimensionIds,
      List<LinkRef> links) {
    Optional<Map<String, Node>> maybe = yaml.mapping(node, "a dimension");
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Node> fields = maybe.get();
    yaml.onlyKnownKeys(fields, List.of("id", "name", "questions"), "a dimension");
    Optional<String> id =
        yaml.text(fields, node, "id", "a dimension")
            .filter(v -> validId(yaml, fields.get("id"), v));
    id.filter(v -> !dimensionIds.add(v))
        .ifPresent(v -> yaml.problem(fields.get("id"), "dimension id '" + v + "' is used twice"));
    Optional<String> name = yaml.text(fields, node, "name", "a dimension");
    List<AuditQuestion> questions = new ArrayList<>();
    for (Node questionNode : yaml.list(fields, node, "questions", "a dimension")) {
      question(yaml, questionNode, id.orElse("?"), model, questionIds, links)
          .ifPresent(questions::add);
    }
    if (id.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AuditDimension(id.get(), name.get(), questions));
  }

  private Optional<AuditQuestion> question(
      YamlFields yaml,
      Node node,
      String dimensionId,
      Optional<MaturityModel> model,
      Set<String> questionIds,
      List<LinkRef> links) {
    Optional<Map<String, Node>> maybe = yaml.mapping(node, "a question");
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Node> fields = maybe.get();
    yaml.onlyKnownKeys(
        fields, List.of("id", "text", "help", "knowledge", "action", "options"), "a question");
    Optional<String> id =
        yaml.text(fields, node, "id", "a question").filter(v -> validId(yaml, fields.get("id"), v));
    id.filter(v -> !questionIds.add(v))
        .ifPresent(v -> yaml.problem(fields.get("id"), "question id '" + v + "' is used twice"));
    Optional<String> text = yaml.text(fields, node, "text", "a question");
    Optional<String> help = yaml.text(fields, node, "help", "a question");
    Optional<String> action = yaml.text(fields, node, "action", "a question");
    Optional<String> knowledge = yaml.text(fields, node, "knowledge", "a question");
    knowledge.ifPresent(
        link -> {
          if (LINK.matcher(link).matches()) {
            links.add(new LinkRef(link, YamlFields.line(fields.get("knowledge"))));
          } else {
            yaml.problem(
                fields.get("knowledge"),
                "'knowledge' must look like document-id#section-anchor, not '" + link + "'");
          }
        });
    List<AnswerOption> options = new ArrayList<>();
    Set<String> optionIds = new HashSet<>();
    for (Node optionNode : yaml.list(fields, node, "options", "a question")) {
      option(yaml, optionNode, model, optionIds).ifPresent(options::add);
    }
    if (fields.containsKey("options") && (options.size() < 2 || options.size() > 5)) {
      yaml.problem(
          fields.get("options"),
          "a question needs 2 to 5 options (one button each), not " + options.size());
    }
    if (id.isEmpty()
        || text.isEmpty()
        || help.isEmpty()
        || action.isEmpty()
        || knowledge.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AuditQuestion(
            id.get(), dimensionId, text.get(), help.get(), knowledge.get(), action.get(), options));
  }

  private Optional<AnswerOption> option(
      YamlFields yaml, Node node, Optional<MaturityModel> model, Set<String> optionIds) {
    Optional<Map<String, Node>> maybe = yaml.mapping(node, "an option");
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Node> fields = maybe.get();
    yaml.onlyKnownKeys(fields, List.of("id", "label", "level"), "an option");
    Optional<String> id =
        yaml.text(fields, node, "id", "an option").filter(v -> validId(yaml, fields.get("id"), v));
    id.filter(v -> !optionIds.add(v))
        .ifPresent(
            v ->
                yaml.problem(
                    fields.get("id"), "option id '" + v + "' is used twice in this question"));
    Optional<String> label = yaml.text(fields, node, "label", "an option");
    label
        .filter(l -> l.length() > 75)
        .ifPresent(
            l ->
                yaml.problem(
                    fields.get("label"),
                    "an option label must fit on a button: 75 characters at most"));
    Optional<Integer> level = yaml.integer(fields, node, "level", "an option");
    if (level.isPresent() && model.isPresent() && model.get().level(level.get()).isEmpty()) {
      yaml.problem(
          fields.get("level"),
          "level " + level.get() + " is not a level of the model '" + model.get().name() + "'");
    }
    if (id.isEmpty() || label.isEmpty() || level.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AnswerOption(id.get(), label.get(), level.get()));
  }

  private static boolean validId(YamlFields yaml, Node node, String value) {
    if (ID.matcher(value).matches()) {
      return true;
    }
    yaml.problem(
        node,
        "id '" + value + "' must be lower-case letters, digits and dashes, 40 characters at most");
    return false;
  }

  static String sha256(String source) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
