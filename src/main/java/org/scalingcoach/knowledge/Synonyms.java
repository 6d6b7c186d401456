package org.scalingcoach.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin-edited synonyms and abbreviations of {@code knowledge/synonyms.txt}, in Solr's format:
 * {@code infra => infrastructure} reads the left side as the right, {@code cost, spend} makes words
 * equivalent. Lines starting with {@code #} are comments.
 *
 * @param rules the rule lines, without comments and blank lines
 */
public record Synonyms(List<String> rules) {
  public static final String FILE = "synonyms.txt";

  public static final Synonyms NONE = new Synonyms(List.of());

  public Synonyms {
    rules = List.copyOf(rules);
  }

  /** Reads the file in {@code directory}; a missing file means no synonyms. */
  public static Synonyms load(Path directory, List<Problem> problems) {
    Path file = directory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
      return NONE;
    }
    List<String> rules = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String problem = problem(line);
      if (problem == null) {
        rules.add(line);
      } else {
        problems.add(new Problem(file, i + 1, problem));
      }
    }
    return new Synonyms(rules);
  }

  private static String problem(String line) {
    int arrow = line.indexOf("=>");
    if (arrow >= 0) {
      if (line.indexOf("=>", arrow + 2) >= 0) {
        return "only one '=>' per line";
      }
      if (blankPart(line.substring(0, arrow)) || blankPart(line.substring(arrow + 2))) {
        return "write 'short => long', with words on both sides of '=>'";
      }
      return null;
    }
    if (line.split(",").length < 2 || blankPart(line)) {
      return "write equivalent words separated by commas, e.g. 'cost, spend'";
    }
    return null;
  }

  private static boolean blankPart(String side) {
    for (String word : side.split(",", -1)) {
      if (word.isBlank()) {
        return true;
      }
    }
    return false;
  }
}
