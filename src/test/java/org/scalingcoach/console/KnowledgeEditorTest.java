package org.scalingcoach.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.scalingcoach.admin.ReloadReport;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.MutableClock;
import org.scalingcoach.knowledge.Topic;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.DatabaseKind;
import org.scalingcoach.store.SqliteAdminAuditLog;
import org.scalingcoach.store.SqliteKnowledgeRevisions;
import org.scalingcoach.store.TestDatabases;

/** The knowledge editor over a copy of the shipped folder and a real SQLite file. */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class KnowledgeEditorTest {
  @Parameter DatabaseKind kind;
  private static final Actor ADMIN = new Actor("T1", "UADMIN");
  private static final String DOC = "model-drift-and-retraining.md";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  private final AtomicInteger reloads = new AtomicInteger();
  private Path folder;
  private SqliteAdminAuditLog log;
  private KnowledgeEditor editor;
  private String original;

  @BeforeEach
  void open() throws Exception {
    folder = ShippedKnowledge.copy();
    original = Files.readString(folder.resolve(DOC));
    Database database = TestDatabases.open(kind, "console-editor-");
    log = new SqliteAdminAuditLog(database);
    editor =
        new KnowledgeEditor(
            folder,
            new SqliteKnowledgeRevisions(database),
            log,
            () -> {
              reloads.incrementAndGet();
              return new ReloadReport(true, 12, 94, 4, 0, List.of(), Duration.ZERO);
            },
            clock);
  }

  @Test
  void should_list_every_shipped_document_as_valid() {
    assertThat(editor.documents()).hasSize(12).allMatch(KnowledgeEditor.DocumentStatus::valid);
  }

  @Test
  void should_report_a_broken_link_of_a_draft_at_its_line() {
    String draft = original + "\n## Extra\n\nSee [this](missing-doc.md).\n";
    int line = (int) draft.lines().count();

    KnowledgeEditor.Check check = editor.check(DOC, draft);

    assertThat(check.here()).hasSize(1);
    assertThat(check.here().get(0).line()).isEqualTo(line);
    assertThat(check.here().get(0).message()).contains("no document with id 'missing-doc'");
  }

  @Test
  void should_report_links_elsewhere_that_a_draft_would_break() {
    String withoutSections = original.substring(0, original.indexOf("\n## ", 10)) + "\n";

    KnowledgeEditor.Check check = editor.check(DOC, withoutSections);

    assertThat(check.elsewhere()).isNotEmpty();
    assertThat(check.elsewhere()).allMatch(p -> !p.file().endsWith(DOC));
  }

  @Test
  void should_save_keep_the_version_on_disk_and_the_edit_log_it_and_reload() throws Exception {
    String draft = original + "\n## Canary releases\n\nShip to a small group first.\n";

    KnowledgeEditor.Saved saved = editor.save(ADMIN, DOC, draft);

    assertThat(Files.readString(folder.resolve(DOC))).isEqualTo(draft);
    assertThat(reloads).hasValue(1);
    List<KnowledgeRevisions.Revision> history = editor.history(DOC);
    assertThat(history)
        .extracting(KnowledgeRevisions.Revision::content)
        .containsExactly(draft, original);
    assertThat(history.get(0).id()).isEqualTo(saved.revision());
    AdminChange change = log.recent("T1", 10).get(0);
    assertThat(change.action()).isEqualTo("knowledge.save");
    assertThat(change.target()).isEqualTo(DOC);
    assertThat(change.before()).isEqualTo(original);
    assertThat(change.after()).isEqualTo(draft);
    assertThat(Files.list(folder).map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
  }

  @Test
  void should_not_write_a_draft_with_problems() throws Exception {
    String broken = original.replace("id: model-drift-and-retraining", "id: other-name");

    assertThatThrownBy(() -> editor.save(ADMIN, DOC, broken))
        .isInstanceOf(EditRefused.class)
        .hasMessageContaining("Not saved");

    assertThat(Files.readString(folder.resolve(DOC))).isEqualTo(original);
    assertThat(editor.history(DOC)).isEmpty();
    assertThat(reloads).hasValue(0);
  }

  @Test
  void should_revert_to_an_earlier_revision_as_a_new_one() throws Exception {
    editor.save(ADMIN, DOC, original + "\n## Canary releases\n\nShip to a small group first.\n");
    long onDisk = editor.history(DOC).get(1).id();

    editor.revert(ADMIN, onDisk);

    assertThat(Files.readString(folder.resolve(DOC))).isEqualTo(original);
    assertThat(editor.history(DOC)).hasSize(3);
    assertThat(editor.history(DOC).get(0).note()).isEqualTo("reverted to revision " + onDisk);
    assertThat(log.recent("T1", 10).get(0).action()).isEqualTo("knowledge.revert");
  }

  @Test
  void should_refuse_paths_outside_the_knowledge_documents() {
    for (String name :
        List.of("../secret.md", "/etc/passwd", "audits/plan-for-mlops.yaml", "a.txt")) {
      assertThatThrownBy(() -> editor.read(name)).as(name).isInstanceOf(EditRefused.class);
    }
  }

  @Test
  void should_start_a_new_document_from_a_template_that_passes_the_checks() {
    String template =
        editor.template(
            ADMIN, "vendor-lock-in", "Avoiding vendor lock-in", Topic.INFRASTRUCTURE_COST);

    assertThat(template).contains("id: vendor-lock-in").contains("owner: UADMIN");
    assertThat(editor.check("vendor-lock-in.md", template).here())
        .extracting(p -> p.message())
        .allMatch(m -> m.contains("broken cross-link"));
    assertThatThrownBy(
            () ->
                editor.template(
                    ADMIN, "model-drift-and-retraining", "x", Topic.INFRASTRUCTURE_COST))
        .hasMessageContaining("already is a document");
  }
}
