package org.scalingcoach.llm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.scalingcoach.knowledge.Problem;

/** The full set of prompt templates, loaded from a folder and checked together. */
public final class PromptTemplates {
  private final Path folder;
  private final Map<PromptKind, PromptTemplate> templates;

  private PromptTemplates(Path folder, Map<PromptKind, PromptTemplate> templates) {
    this.folder = folder;
    this.templates = templates;
  }

  /** Loads every template from {@code folder}; throws listing every problem if any. */
  public static PromptTemplates load(Path folder) {
    List<Problem> problems = new ArrayList<>();
    PromptTemplates templates = read(folder, problems);
    if (!problems.isEmpty()) {
      throw new PromptException(problems);
    }
    return templates;
  }

  /** Every problem with the templates in {@code folder}; empty when they are all usable. */
  public static List<Problem> check(Path folder) {
    List<Problem> problems = new ArrayList<>();
    read(folder, problems);
    return problems;
  }

  private static PromptTemplates read(Path folder, List<Problem> problems) {
    Map<PromptKind, PromptTemplate> templates = new EnumMap<>(PromptKind.class);
    for (PromptKind kind : PromptKind.values()) {
      Path file = folder.resolve(kind.fileName());
      if (!Files.isRegularFile(file)) {
        problems.add(new Problem(file, 0, "prompt template missing"));
        continue;
      }
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        PromptTemplate template = PromptTemplate.parse(kind, file, text, problems);
        if (template != null) {
          templates.put(kind, template);
        }
      } catch (IOException e) {
        problems.add(new Problem(file, 0, "cannot read the template: " + e.getMessage()));
      }
    }
    return new PromptTemplates(folder, templates);
  }

  public Path folder() {
    return folder;
  }

  public PromptTemplate get(PromptKind kind) {
    return templates.get(kind);
  }
}
