package org.scalingcoach.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.DatabaseKind;
import org.scalingcoach.store.SqliteAuditStore;
import org.scalingcoach.store.SqliteReminderStore;
import org.scalingcoach.store.SqliteRoleStore;
import org.scalingcoach.store.TestDatabases;

/** The shipped audits over a fresh SQLite file, with a clock the test controls. */
public final class AuditFixture {
  public static final Path KNOWLEDGE = Path.of("knowledge");
  private static AuditCatalog shipped;

  public final Database database;
  public final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
  public final SqliteAuditStore store;
  public final SqliteRoleStore roles;
  public final SqliteReminderStore reminderStore;
  public final AuditEngine engine;
  public final AuditHistory history;

  public AuditFixture() {
    this(DatabaseKind.SQLITE);
  }

  /** A fixture on a fresh database of {@code kind}. */
  public AuditFixture(DatabaseKind kind) {
    this(TestDatabases.open(kind, "audit-test-"), catalog());
  }

  public AuditFixture(Database database, AuditCatalog catalog) {
    this.database = database;
    this.store = new SqliteAuditStore(database);
    this.roles = new SqliteRoleStore(database, Set.of("UBOSS"));
    this.reminderStore = new SqliteReminderStore(database);
    this.engine = new AuditEngine(catalog, store, clock);
    this.history = new AuditHistory(engine, store, roles);
  }

  /** The shipped audit definitions, loaded once per test JVM. */
  public static synchronized AuditCatalog catalog() {
    if (shipped == null) {
      shipped = AuditCatalog.load(KNOWLEDGE, KnowledgeBase.load(KNOWLEDGE));
      if (!shipped.problems().isEmpty()) {
        throw new IllegalStateException("shipped audits have problems: " + shipped.problems());
      }
    }
    return shipped;
  }

  /**
   * Answers every remaining question with the option at {@code optionIndex} (clamped), then
   * finishes.
   */
  public AuditRecord finishWith(Actor actor, String type, String subject, int optionIndex) {
    Progress progress = engine.start(actor, type, subject);
    while (!progress.readyToFinish()) {
      AuditQuestion q = progress.question();
      String option = q.options().get(Math.min(optionIndex, q.options().size() - 1)).id();
      progress =
          engine.answer(actor, progress.audit().id(), progress.audit().revision(), q.id(), option);
    }
    return engine.finish(actor, progress.audit().id());
  }
}
