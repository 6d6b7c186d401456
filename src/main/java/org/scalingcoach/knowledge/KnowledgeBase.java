package org.scalingcoach.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The loaded knowledge base: the documents that passed validation, and the problems of those that
 * did not. A broken file is reported and left out; the rest keeps working.
 *
 * @param skippedIds ids of documents left out because of their own problems, so that links into
 *     them (from other documents or audits) are not reported as separate mistakes
 */
public record KnowledgeBase(
    List<KnowledgeDocument> documents,
    List<Problem> problems,
    Set<String> skippedIds,
    Synonyms synonyms) {

  /** Sub-folder holding audit definitions, which are not knowledge documents. */
  public static final String AUDITS_FOLDER = "audits";

  /** Expert answers waiting for an admin: checked, but not knowledge until moved out. */
  public static final String DRAFTS_FOLDER = "drafts";

  public KnowledgeBase {
    documents = List.copyOf(documents);
    problems = List.copyOf(problems);
    skippedIds = Set.copyOf(skippedIds);
    synonyms = synonyms == null ? Synonyms.NONE : synonyms;
  }

  public KnowledgeBase(List<KnowledgeDocument> documents, List<Problem> problems) {
    this(documents, problems, Set.of(), Synonyms.NONE);
  }

  public KnowledgeBase(
      List<KnowledgeDocument> documents, List<Problem> problems, Set<String> skippedIds) {
    this(documents, problems, skippedIds, Synonyms.NONE);
  }

  public KnowledgeBase(
      List<KnowledgeDocument> documents, List<Problem> problems, Synonyms synonyms) {
    this(documents, problems, Set.of(), synonyms);
  }

  /** Whether {@code key} ({@code id} or {@code id#anchor}) points into a skipped document. */
  public boolean pointsIntoSkipped(String key) {
    int hash = key.indexOf('#');
    return skippedIds.contains(hash < 0 ? key : key.substring(0, hash));
  }

  /** Every section of every document, in file order. */
  public List<Section> sections() {
    return documents.stream().flatMap(d -> d.sections().stream()).toList();
  }

  public Optional<KnowledgeDocument> document(String id) {
    return documents.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** Finds a section by {@code documentId#anchor}, or a document's first section by its id. */
  public Optional<Section> section(String key) {
    int hash = key.indexOf('#');
    String id = hash < 0 ? key : key.substring(0, hash);
    String anchor = hash < 0 ? null : key.substring(hash + 1);
    return document(id)
        .flatMap(
            d ->
                d.sections().stream()
                    .filter(s -> anchor == null || s.answersTo(anchor))
                    .findFirst());
  }

  /**
   * Loads every {@code *.md} file under {@code directory}, outside the audits and drafts folders.
   */
  public static KnowledgeBase load(Path directory) {
    return load(directory, Map.of());
  }

  /**
   * Loads the folder as {@link #load(Path)} does, reading each file of {@code drafts} (a path
   * inside {@code directory}, existing or new) from its text there instead of from disk: what the
   * knowledge base would be once those drafts are saved.
   */
  public static KnowledgeBase load(Path directory, Map<Path, String> drafts) {
    if (!Files.isDirectory(directory)) {
      return new KnowledgeBase(
          List.of(),
          List.of(
              new Problem(directory, 0, "knowledge folder not found; set COACH_KNOWLEDGE_DIR")));
    }
    KnowledgeParser parser = new KnowledgeParser();
    List<Path> files = new ArrayList<>(markdownFiles(directory));
    drafts.keySet().stream().filter(file -> !files.contains(file)).forEach(files::add);
    List<KnowledgeParser.ParsedFile> parsed = new ArrayList<>();
    for (Path file : files) {
      String draft = drafts.get(file);
      parsed.add(draft != null ? parser.parse(file, draft) : read(parser, file));
    }
    KnowledgeBase validated = validate(parsed);
    List<Problem> problems = new ArrayList<>(validated.problems());
    Synonyms synonyms = Synonyms.load(directory, problems);
    return new KnowledgeBase(validated.documents(), problems, validated.skippedIds(), synonyms);
  }

  private static KnowledgeParser.ParsedFile read(KnowledgeParser parser, Path file) {
    try {
      return parser.parse(file, Files.readString(file, StandardCharsets.UTF_8));
    } catch (MalformedInputException e) {
      return KnowledgeParser.ParsedFile.unusable(
          file, new Problem(file, 1, "not UTF-8 text: save it as UTF-8"));
    } catch (IOException e) {
      return KnowledgeParser.ParsedFile.unusable(
          file, new Problem(file, 0, "cannot read: " + e.getMessage()));
    }
  }

  private static List<Path> markdownFiles(Path directory) {
    Path audits = directory.resolve(AUDITS_FOLDER);
    Path drafts = directory.resolve(DRAFTS_FOLDER);
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".md"))
          .filter(p -> !p.startsWith(audits) && !p.startsWith(drafts))
          .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  /**
   * Checks what needs all files at once (duplicate ids, cross-links) and keeps every usable file.
   * Links are checked against every file that names an id, usable or not, so one broken file is
   * reported once rather than again by every document that links to it.
   */
  static KnowledgeBase validate(List<KnowledgeParser.ParsedFile> parsed) {
    Map<String, KnowledgeParser.ParsedFile> byId = new HashMap<>();
    Set<Path> duplicates = new HashSet<>();
    List<Problem> problems = new ArrayList<>();
    for (KnowledgeParser.ParsedFile file : parsed) {
      problems.addAll(file.problems());
      if (file.id() != null) {
        KnowledgeParser.ParsedFile first = byId.putIfAbsent(file.id(), file);
        if (first != null) {
          duplicates.add(file.file());
          problems.add(
              new Problem(
                  file.file(),
                  1,
                  "duplicate id '" + file.id() + "': also used by " + first.file()));
        }
      }
    }
    // A file whose id could not be read still stands for the id its name gives, so links into it
    // are checked against its headings instead of all being reported as broken too.
    for (KnowledgeParser.ParsedFile file : parsed) {
      if (file.id() == null) {
        byId.putIfAbsent(file.linkId(), file);
      }
    }
    for (KnowledgeParser.ParsedFile file : parsed) {
      for (KnowledgeParser.LinkRef link : file.links()) {
        linkProblem(link, byId).ifPresent(problems::add);
      }
    }
    List<KnowledgeDocument> documents = new ArrayList<>();
    Set<String> skipped = new HashSet<>();
    for (KnowledgeParser.ParsedFile file : parsed) {
      if (file.document() != null && !duplicates.contains(file.file())) {
        documents.add(file.document());
      } else {
        skipped.add(file.linkId());
      }
    }
    problems.addAll(askedTwice(documents, byId));
    problems.sort(
        Comparator.comparing((Problem p) -> p.file().toString()).thenComparing(Problem::line));
    Set<String> usable = new HashSet<>();
    documents.forEach(d -> usable.add(d.id()));
    skipped.removeAll(usable);
    return new KnowledgeBase(documents, problems, skipped);
  }

  /**
   * A wording of how people ask ({@code <!-- asked: … -->}) listed under two sections: the search
   * cannot tell which one the person means, so it is reported at the later one.
   */
  private static List<Problem> askedTwice(
      List<KnowledgeDocument> documents, Map<String, KnowledgeParser.ParsedFile> byId) {
    Map<String, Section> first = new HashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (KnowledgeDocument document : documents) {
      for (Section section : document.sections()) {
        for (String wording : section.asked()) {
          Section earlier = first.putIfAbsent(wording.toLowerCase(java.util.Locale.ROOT), section);
          if (earlier != null && earlier != section) {
            problems.add(
                new Problem(
                    byId.get(document.id()).file(),
                    section.line(),
                    "the asked wording '"
                        + wording
                        + "' is also listed under "
                        + earlier.key()
                        + ": keep it under the section that answers it"));
          }
        }
      }
    }
    return problems;
  }

  private static Optional<Problem> linkProblem(
      KnowledgeParser.LinkRef link, Map<String, KnowledgeParser.ParsedFile> byId) {
    KnowledgeParser.ParsedFile target = byId.get(link.documentId());
    if (target == null) {
      return Optional.of(
          new Problem(
              link.file(),
              link.line(),
              "broken cross-link: no document with id '" + link.documentId() + "'"));
    }
    if (link.anchor() != null && !target.anchors().contains(link.anchor())) {
      return Optional.of(
          new Problem(
              link.file(),
              link.line(),
              "broken cross-link: '"
                  + link.documentId()
                  + "' has no section '#"
                  + link.anchor()
                  + "'"));
    }
    return Optional.empty();
  }
}
