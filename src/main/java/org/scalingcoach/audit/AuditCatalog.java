package org.scalingcoach.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Problem;

/**
 * The audits admins have defined in {@code knowledge/audits/*.yaml}: those that passed validation,
 * and the problems of those that did not. A broken file is reported and left out.
 */
public record AuditCatalog(List<AuditDefinition> definitions, List<Problem> problems) {

  public AuditCatalog {
    definitions = List.copyOf(definitions);
    problems = List.copyOf(problems);
  }

  public Optional<AuditDefinition> find(String id) {
    return definitions.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /**
   * Loads every audit file under {@code knowledgeDir/audits}, checking links against {@code
   * knowledge}. No folder means no audits, which is not an error.
   */
  public static AuditCatalog load(Path knowledgeDir, KnowledgeBase knowledge) {
    Path folder = knowledgeDir.resolve(KnowledgeBase.AUDITS_FOLDER);
    if (!Files.isDirectory(folder)) {
      return new AuditCatalog(List.of(), List.of());
    }
    AuditDefinitionParser parser = new AuditDefinitionParser();
    List<AuditDefinition> definitions = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    for (Path file : yamlFiles(folder)) {
      AuditDefinitionParser.Parsed parsed = parse(parser, file);
      List<Problem> fileProblems = new ArrayList<>(parsed.problems());
      // A broken link leaves the audit working (the action just shows the key), so its problems
      // are reported without taking the audit offline.
      problems.addAll(linkProblems(file, parsed.links(), knowledge));
      AuditDefinition definition = parsed.definition();
      if (definition != null && seen.containsKey(definition.id())) {
        fileProblems.add(
            new Problem(
                file,
                1,
                "duplicate audit id '"
                    + definition.id()
                    + "': also used by "
                    + seen.get(definition.id())));
      }
      problems.addAll(fileProblems);
      if (fileProblems.isEmpty() && definition != null) {
        seen.put(definition.id(), file);
        definitions.add(definition);
      }
    }
    return new AuditCatalog(definitions, problems);
  }

  /**
   * A link to a section that does not exist is reported where it is; links into a document that is
   * skipped for its own problem are reported once per audit file, since fixing that document fixes
   * them all.
   */
  private static List<Problem> linkProblems(
      Path file, List<AuditDefinitionParser.LinkRef> links, KnowledgeBase knowledge) {
    List<Problem> problems = new ArrayList<>();
    Map<String, List<AuditDefinitionParser.LinkRef>> intoSkipped = new java.util.TreeMap<>();
    for (AuditDefinitionParser.LinkRef link : links) {
      // a section link, not a document alone; an old anchor kept as an alias still resolves
      if (link.key().contains("#") && knowledge.section(link.key()).isPresent()) {
        continue;
      }
      if (knowledge.pointsIntoSkipped(link.key())) {
        String document = link.key().split("#", 2)[0];
        intoSkipped.computeIfAbsent(document, d -> new ArrayList<>()).add(link);
        continue;
      }
      problems.add(
          new Problem(
              file,
              link.line(),
              "knowledge link '" + link.key() + "' points to no section of the knowledge base"));
    }
    intoSkipped.forEach(
        (document, refs) ->
            problems.add(
                new Problem(
                    file,
                    refs.get(0).line(),
                    refs.size()
                        + " knowledge link(s) point into '"
                        + document
                        + "', which is skipped for its own problem; the audit works without"
                        + " them until that file is fixed")));
    return problems;
  }

  private static AuditDefinitionParser.Parsed parse(AuditDefinitionParser parser, Path file) {
    try {
      return parser.parse(file, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new AuditDefinitionParser.Parsed(
          file, null, List.of(new Problem(file, 0, "cannot read: " + e.getMessage())), List.of());
    }
  }

  private static List<Path> yamlFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }
}
