package org.scalingcoach.expert;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.scalingcoach.audit.YamlFields;
import org.scalingcoach.knowledge.Problem;
import org.scalingcoach.knowledge.Topic;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code experts.yaml} from the knowledge folder into an {@link ExpertDirectory}, reporting
 * every problem with its line. A missing file means no experts; a broken one means no experts and
 * its problems.
 */
public final class ExpertDirectoryParser {
  /** The file name inside the knowledge folder. */
  public static final String FILE = "experts.yaml";

  private static final Pattern SLACK_CHANNEL = Pattern.compile("[CG][A-Z0-9]{2,}");
  private static final List<String> TOP_KEYS =
      List.of("response_hours", "expire_after_days", "default", "topics");
  private static final List<String> ROUTE_KEYS = List.of("slack_channel", "teams", "people");

  /** The directory read and the problems met; the directory is {@code NONE} when any. */
  public record Parsed(ExpertDirectory directory, List<Problem> problems) {}

  public static Parsed load(Path knowledgeDir) {
    Path file = knowledgeDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new Parsed(ExpertDirectory.NONE, List.of());
    }
    try {
      return parse(file, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Parsed(
          ExpertDirectory.NONE, List.of(new Problem(file, 0, "cannot read: " + e.getMessage())));
    }
  }

  public static Parsed parse(Path file, String source) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(source));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      return failed(new Problem(file, line, "not valid YAML: " + e.getProblem()));
    } catch (YAMLException e) {
      return failed(new Problem(file, 1, "not valid YAML: " + e.getMessage()));
    }
    if (root == null) {
      return failed(new Problem(file, 1, "the file is empty; delete it to turn experts off"));
    }
    YamlFields yaml = new YamlFields(file);
    Optional<Map<String, Node>> top = yaml.mapping(root, FILE);
    if (top.isEmpty()) {
      return new Parsed(ExpertDirectory.NONE, yaml.problems());
    }
    Map<String, Node> fields = top.get();
    yaml.onlyKnownKeys(fields, TOP_KEYS, FILE);
    Duration response = Duration.ofHours(positive(yaml, fields, "response_hours", 24));
    Duration expire = Duration.ofDays(positive(yaml, fields, "expire_after_days", 7));
    Optional<ExpertRoute> fallback =
        Optional.ofNullable(fields.get("default")).flatMap(n -> route(yaml, n, "default"));
    Map<Topic, ExpertRoute> byTopic = new EnumMap<>(Topic.class);
    Node topics = fields.get("topics");
    if (topics instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
        Optional<Topic> topic = Topic.fromId(key);
        if (topic.isEmpty()) {
          yaml.problem(
              tuple.getKeyNode(), "unknown topic '" + key + "'; use one of " + Topic.allIds());
        } else if (byTopic.containsKey(topic.get())) {
          yaml.problem(tuple.getKeyNode(), "topic '" + key + "' is listed twice");
        } else {
          route(yaml, tuple.getValueNode(), key).ifPresent(r -> byTopic.put(topic.get(), r));
        }
      }
    } else if (topics != null) {
      yaml.problem(topics, "'topics' must map topic ids to their experts");
    }
    if (fallback.isEmpty() && byTopic.isEmpty()) {
      yaml.problem(root, FILE + " names no experts: add 'default:' or 'topics:'");
    }
    if (!yaml.problems().isEmpty()) {
      return new Parsed(ExpertDirectory.NONE, yaml.problems());
    }
    return new Parsed(new ExpertDirectory(byTopic, fallback, response, expire), List.of());
  }

  private static Optional<ExpertRoute> route(YamlFields yaml, Node node, String name) {
    String what = "experts of '" + name + "'";
    Optional<Map<String, Node>> maybe = yaml.mapping(node, what);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Node> fields = maybe.get();
    yaml.onlyKnownKeys(fields, ROUTE_KEYS, what);
    Optional<String> slack = Optional.empty();
    if (fields.containsKey("slack_channel")) {
      slack = yaml.text(fields, node, "slack_channel", what);
      slack
          .filter(c -> !SLACK_CHANNEL.matcher(c).matches())
          .ifPresent(
              c ->
                  yaml.problem(
                      fields.get("slack_channel"),
                      "'"
                          + c
                          + "' is not a Slack channel id (like C0123ABCD): copy it from the"
                          + " channel's details"));
    }
    Optional<ExpertRoute.TeamsChannel> teams = Optional.empty();
    if (fields.containsKey("teams")) {
      Node teamsNode = fields.get("teams");
      Optional<Map<String, Node>> teamsFields = yaml.mapping(teamsNode, "'teams' of " + what);
      if (teamsFields.isPresent()) {
        yaml.onlyKnownKeys(teamsFields.get(), List.of("team", "channel"), "'teams' of " + what);
        Optional<String> team =
            yaml.text(teamsFields.get(), teamsNode, "team", "'teams' of " + what);
        Optional<String> channel =
            yaml.text(teamsFields.get(), teamsNode, "channel", "'teams' of " + what);
        if (team.isPresent() && channel.isPresent()) {
          teams = Optional.of(new ExpertRoute.TeamsChannel(team.get(), channel.get()));
        }
      }
    }
    List<String> people = new ArrayList<>();
    if (fields.containsKey("people")) {
      for (Node person : yaml.list(fields, node, "people", what)) {
        if (person instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
          people.add(scalar.getValue().strip());
        } else {
          yaml.problem(person, "each of 'people' must be a user id");
        }
      }
    }
    if (slack.isEmpty() && teams.isEmpty()) {
      yaml.problem(node, what + " need a 'slack_channel' or a 'teams' channel");
      return Optional.empty();
    }
    return Optional.of(new ExpertRoute(name, slack, teams, people));
  }

  private static long positive(
      YamlFields yaml, Map<String, Node> fields, String key, long fallback) {
    if (!fields.containsKey(key)) {
      return fallback;
    }
    Optional<Integer> value = yaml.integer(fields, fields.get(key), key, FILE);
    if (value.isPresent() && value.get() <= 0) {
      yaml.problem(fields.get(key), "'" + key + "' must be at least 1");
    }
    return value.filter(v -> v > 0).map(Integer::longValue).orElse(fallback);
  }

  private static Parsed failed(Problem problem) {
    return new Parsed(ExpertDirectory.NONE, List.of(problem));
  }
}
