package org.scalingcoach.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.scalingcoach.admin.ReloadReport;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditCatalog;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.KnowledgeDocument;
import org.scalingcoach.knowledge.Problem;
import org.scalingcoach.knowledge.Topic;

/**
 * Edits the knowledge folder for the console: checks a draft with the same checks as {@code
 * knowledge check}, saves it atomically with a revision and an audit entry, reloads the coach, and
 * reverts to any earlier revision.
 */
public final class KnowledgeEditor {
  private static final Pattern NEW_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final Path folder;
  private final KnowledgeRevisions revisions;
  private final AdminAuditLog log;
  private final Supplier<ReloadReport> reload;
  private final Clock clock;

  public KnowledgeEditor(
      Path folder,
      KnowledgeRevisions revisions,
      AdminAuditLog log,
      Supplier<ReloadReport> reload,
      Clock clock) {
    this.folder = folder.toAbsolutePath().normalize();
    this.revisions = revisions;
    this.log = log;
    this.reload = reload;
    this.clock = clock;
  }

  /** A knowledge file as the list shows it; title and topic are null when they cannot be read. */
  public record DocumentStatus(String name, String title, Topic topic, List<Problem> problems) {
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  /**
   * What the checks found in a draft: problems in the draft itself, and problems it would cause in
   * other files (an audit or a document linking to a section the draft removed).
   */
  public record Check(List<Problem> here, List<Problem> elsewhere) {
    public boolean clean() {
      return here.isEmpty() && elsewhere.isEmpty();
    }
  }

  /** What saving did: the revision kept and the reload that followed. */
  public record Saved(long revision, ReloadReport reload) {}

  /** The knowledge folder, absolute. */
  public Path folder() {
    return folder;
  }

  /** Every knowledge file with its validation state, in path order. */
  public List<DocumentStatus> documents() {
    KnowledgeBase knowledge = KnowledgeBase.load(folder);
    List<Problem> problems = checks(knowledge);
    List<DocumentStatus> documents = new ArrayList<>();
    for (Path file : files()) {
      Optional<KnowledgeDocument> document =
          knowledge.documents().stream().filter(d -> d.source().equals(file)).findFirst();
      documents.add(
          new DocumentStatus(
              name(file),
              document.map(KnowledgeDocument::title).orElse(null),
              document.map(KnowledgeDocument::topic).orElse(null),
              problems.stream().filter(p -> p.file().equals(file)).toList()));
    }
    return documents;
  }

  /** The text of a document on disk, or empty when it does not exist yet. */
  public Optional<String> read(String name) {
    Path file = resolve(name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Runs every check over the folder with {@code draft} in place of the document {@code name}. */
  public Check check(String name, String draft) {
    Path file = resolve(name);
    List<Problem> with = checks(KnowledgeBase.load(folder, Map.of(file, draft)));
    Set<String> before = new HashSet<>();
    for (Problem problem : checks(KnowledgeBase.load(folder))) {
      if (!problem.file().equals(file)) {
        before.add(problem.toString());
      }
    }
    List<Problem> here = new ArrayList<>();
    List<Problem> elsewhere = new ArrayList<>();
    for (Problem problem : with) {
      if (problem.file().equals(file)) {
        here.add(problem);
      } else if (!before.contains(problem.toString())) {
        elsewhere.add(problem);
      }
    }
    return new Check(here, elsewhere);
  }

  /**
   * Saves {@code draft} as the document {@code name}: atomically on disk, as a new revision and in
   * the audit log; then reloads the coach.
   *
   * @throws EditRefused when the draft has problems; nothing is written then
   */
  public Saved save(Actor actor, String name, String draft) {
    return write(actor, name, draft, "knowledge.save", "edited in the console");
  }

  /** Saves an earlier revision again, as a new revision. */
  public Saved revert(Actor actor, long revisionId) {
    KnowledgeRevisions.Revision revision =
        revisions
            .get(revisionId)
            .orElseThrow(() -> new EditRefused("There is no revision " + revisionId + "."));
    return write(
        actor,
        revision.document(),
        revision.content(),
        "knowledge.revert",
        "reverted to revision " + revisionId);
  }

  public List<KnowledgeRevisions.Revision> history(String name) {
    return revisions.list(name(resolve(name)));
  }

  public Optional<KnowledgeRevisions.Revision> revision(long id) {
    return revisions.get(id);
  }

  /** The revision saved before {@code revision} for the same document, if any. */
  public Optional<KnowledgeRevisions.Revision> previous(KnowledgeRevisions.Revision revision) {
    return revisions.list(revision.document()).stream()
        .filter(r -> r.id() < revision.id())
        .findFirst();
  }

  /**
   * The text of a new document, ready to edit: front matter filled in and one section to write.
   *
   * @throws EditRefused when the id is not a lowercase slug or the document already exists
   */
  public String template(Actor actor, String id, String title, Topic topic) {
    String slug = id == null ? "" : id.strip();
    if (!NEW_ID.matcher(slug).matches()) {
      throw new EditRefused(
          "A document id is lowercase words joined by hyphens, such as 'vendor-lock-in'.");
    }
    if (Files.exists(resolve(slug + ".md"))) {
      throw new EditRefused("There already is a document " + slug + ".md: open it instead.");
    }
    String heading = title == null || title.isBlank() ? "A title for this document" : title.strip();
    return "---\n"
        + "id: "
        + slug
        + "\ntitle: "
        + heading
        + "\ntopic: "
        + topic.id()
        + "\ntags: [add, a, few, tags]\n"
        + "owner: "
        + actor.userId()
        + "\nlast_reviewed: "
        + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
        + "\n---\n\n"
        + "## The first question this document answers\n\n"
        + "Write what employees should know in a few short paragraphs or a list. Link related"
        + " sections like [this](other-document.md#a-section).\n";
  }

  /** {@code text} with a new section for {@code question} added at its end, ready to write. */
  public static String withNewSection(String text, String question) {
    String heading = question.replaceAll("\\s+", " ").strip();
    if (heading.length() > 120) {
      heading = heading.substring(0, 119) + "…";
    }
    return text.stripTrailing()
        + "\n\n## "
        + heading
        + "\n\nWrite the answer people asking this should get.\n";
  }

  private Saved write(Actor actor, String name, String draft, String action, String note) {
    Path file = resolve(name);
    String document = name(file);
    Check check = check(document, draft);
    if (!check.here().isEmpty()) {
      throw new EditRefused(
          "Not saved: fix the "
              + check.here().size()
              + (check.here().size() == 1 ? " problem" : " problems")
              + " first (line "
              + check.here().get(0).line()
              + ": "
              + check.here().get(0).message()
              + ").");
    }
    Optional<String> before = read(document);
    if (before.isPresent() && revisions.list(document).isEmpty()) {
      revisions.add(
          document, before.get(), actor, clock.instant(), "the version on disk before any edit");
    }
    writeAtomically(file, draft);
    long revision = revisions.add(document, draft, actor, clock.instant(), note);
    log.record(
        new AdminChange(clock.instant(), actor, action, document, before.orElse(null), draft));
    return new Saved(revision, reload.get());
  }

  /** Writes beside the file and renames over it, so a reader sees the old or the new text. */
  private static void writeAtomically(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), ".console-", ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try {
          Files.move(
              temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private List<Problem> checks(KnowledgeBase knowledge) {
    List<Problem> problems = new ArrayList<>(knowledge.problems());
    problems.addAll(AuditCatalog.load(folder, knowledge).problems());
    return problems;
  }

  private List<Path> files() {
    Path audits = folder.resolve(KnowledgeBase.AUDITS_FOLDER);
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".md"))
          .filter(p -> !p.startsWith(audits))
          .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  /**
   * The file of a document name, refusing anything outside the knowledge folder, in the audits
   * folder, or not markdown.
   */
  Path resolve(String name) {
    if (name == null || name.isBlank() || name.contains("\\") || name.startsWith("/")) {
      throw new EditRefused("Unknown document.");
    }
    Path file = folder.resolve(name).normalize();
    boolean inside = file.startsWith(folder) && !file.equals(folder);
    if (!inside
        || file.startsWith(folder.resolve(KnowledgeBase.AUDITS_FOLDER).normalize())
        || !file.getFileName().toString().endsWith(".md")
        || file.getFileName().toString().startsWith(".")) {
      throw new EditRefused("Only markdown documents of the knowledge folder can be edited.");
    }
    return file;
  }

  private String name(Path file) {
    return folder.relativize(file.normalize()).toString().replace('\\', '/');
  }
}
