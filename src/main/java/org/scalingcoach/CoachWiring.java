package org.scalingcoach;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.scalingcoach.admin.AdminActions;
import org.scalingcoach.admin.FolderWatcher;
import org.scalingcoach.admin.ReloadReport;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditEngine;
import org.scalingcoach.audit.AuditHistory;
import org.scalingcoach.audit.ReminderRouter;
import org.scalingcoach.audit.Reminders;
import org.scalingcoach.config.CacheFolder;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.config.DatabaseSettings;
import org.scalingcoach.console.AnswerTrials;
import org.scalingcoach.console.ConsoleServices;
import org.scalingcoach.console.ConsoleSignIn;
import org.scalingcoach.console.InsightsView;
import org.scalingcoach.console.KnowledgeEditor;
import org.scalingcoach.console.RetrievalEvidence;
import org.scalingcoach.console.RolesAndUsage;
import org.scalingcoach.delivery.DeliveryWorkers;
import org.scalingcoach.delivery.ProcessorSlots;
import org.scalingcoach.expert.ExpertDesk;
import org.scalingcoach.expert.ExpertRelay;
import org.scalingcoach.expert.KnowledgeDrafts;
import org.scalingcoach.llm.LlmFeatures;
import org.scalingcoach.retrieval.Embedder;
import org.scalingcoach.retrieval.OnnxEmbedder;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.Insights;
import org.scalingcoach.store.ReplicaNotices;
import org.scalingcoach.store.SqliteAdminAuditLog;
import org.scalingcoach.store.SqliteAuditStore;
import org.scalingcoach.store.SqliteConsoleStore;
import org.scalingcoach.store.SqliteEmbeddingCache;
import org.scalingcoach.store.SqliteExpertStore;
import org.scalingcoach.store.SqliteInbox;
import org.scalingcoach.store.SqliteInsightQueue;
import org.scalingcoach.store.SqliteKnowledgeRevisions;
import org.scalingcoach.store.SqliteReminderStore;
import org.scalingcoach.store.SqliteRoleStore;
import org.scalingcoach.store.SqliteTokenUsageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the object graph by hand from one validated configuration. Every
 * command and the server use it; it depends on none of them, so the wiring has no import circle.
 */
public final class CoachWiring {
  private static final Logger log = LoggerFactory.getLogger(CoachWiring.class);

  /** How long files must stay unchanged before a watched change reloads the coach. */
  static final Duration RELOAD_QUIET_PERIOD = Duration.ofSeconds(1);

  /** How often a replica looks whether another one reloaded its knowledge. */
  static final Duration RELOAD_NOTICE_POLL = Duration.ofSeconds(2);

  /**
   * Deliveries worked on at once: most of their time is spent waiting on Slack's Web API or the Bot
   * Connector; the CPU-bound answering inside them runs on the core's own small pool.
   */
  static final int DELIVERY_THREADS = 32;

  /** How long a delivery is remembered after it was answered, so a late retry is still known. */
  static final Duration DEDUPE_WINDOW = Duration.ofDays(1);

  private CoachWiring() {}

  /**
   * Loads the knowledge base and builds the answer engine, keeping embeddings and token usage in
   * {@code database}.
   */
  public static CoachCore core(CoachConfig config, Database database) {
    CacheFolder.requireDjlWritable(System.getenv());
    OnnxEmbedder embedder = new OnnxEmbedder(config.embeddingModel()); // loads beside the knowledge
    OnnxEmbedder scopeEmbedder =
        config.scopeModel() == config.embeddingModel()
            ? embedder
            : new OnnxEmbedder(config.scopeModel());
    CoachCore core = core(config, database, embedder, scopeEmbedder);
    embedder.awaitLoaded();
    scopeEmbedder.awaitLoaded();
    return core;
  }

  /** The same core with a given embedder, for tests and benchmarks that need a fast one. */
  public static CoachCore core(CoachConfig config, Database database, Embedder embedder) {
    return core(config, database, embedder, embedder);
  }

  /**
   * The same core with given embedders: {@code embedder} ranks sections, {@code scopeEmbedder}
   * decides what is in scope (the same object for one model).
   */
  public static CoachCore core(
      CoachConfig config, Database database, Embedder embedder, Embedder scopeEmbedder) {
    LlmFeatures llm = LlmFeatures.create(config.llm(), new SqliteTokenUsageLog(database));
    log.info("language model: {}", llm.active());
    if (scopeEmbedder != embedder) {
      log.info(
          "embedding models: {} ranks sections, {} decides the scope",
          embedder.model(),
          scopeEmbedder.model());
    }
    FolderLoader loader =
        new FolderLoader(
            config.knowledge(), embedder, scopeEmbedder, new SqliteEmbeddingCache(database), llm);
    return new CoachCore(loader, llm, config.knowledge().describe());
  }

  /** Opens the configured database: the SQLite file in the data folder, or PostgreSQL. */
  public static Database database(CoachConfig config) {
    DatabaseSettings settings = config.database();
    Database.Replica replica = new Database.Replica(settings.replicaId(), settings.lease());
    if (!settings.postgres()) {
      return Database.open(config.databaseFile(), replica);
    }
    Database database =
        Database.openPostgres(settings.url(), settings.user(), settings.password(), replica);
    log.info(
        "database: PostgreSQL at {}, this replica is {}",
        database.description(),
        settings.replicaId());
    return database;
  }

  /**
   * Wires the audit engine over the core's current audit definitions, history, roles, reminders.
   */
  public static AuditServices audits(CoachConfig config, CoachCore core, Database database) {
    return audits(config, core, database, Clock.systemUTC());
  }

  /** The same wiring on a given clock, so tests can make reminders due. */
  public static AuditServices audits(
      CoachConfig config, CoachCore core, Database database, Clock clock) {
    SqliteAuditStore store = new SqliteAuditStore(database);
    SqliteRoleStore roles =
        new SqliteRoleStore(database, config.audits().managers(), config.admin().admins());
    AuditEngine engine = new AuditEngine(core::catalog, store, clock);
    SqliteReminderStore reminderStore = new SqliteReminderStore(database);
    ReminderRouter deliveries = new ReminderRouter();
    return new AuditServices(
        engine,
        new AuditHistory(engine, store, roles),
        roles,
        reminderStore,
        deliveries,
        new Reminders(reminderStore, engine::catalog, roles, deliveries, clock)
            .takingTurns(database.leases().lease("audit reminders and nudges")),
        config.audits(),
        clock);
  }

  /**
   * "Ask an expert" over the core's current {@code experts.yaml}, with admins from {@code audits}'
   * roles; off (not {@link ExpertRelay#available()}) while no experts are set up.
   */
  public static ExpertRelay experts(
      CoachConfig config, CoachCore core, Database database, AuditServices audits) {
    return experts(config, core, database, audits, Clock.systemUTC());
  }

  /** The same wiring on a given clock, so tests can make questions overdue. */
  public static ExpertRelay experts(
      CoachConfig config, CoachCore core, Database database, AuditServices audits, Clock clock) {
    ExpertDesk desk =
        new ExpertDesk(
            () -> core.snapshot().expertDirectory(), new SqliteExpertStore(database, clock), clock);
    return new ExpertRelay(
            desk,
            new KnowledgeDrafts(config.knowledgeDir()),
            (workspace, user) -> audits.roles().isAdmin(new Actor(workspace, user)),
            clock)
        .takingTurns(database.leases().lease("expert reminders"));
  }

  /**
   * The durable inbox both chat adapters put their deliveries in, with the workers that answer
   * them. Call {@link DeliveryWorkers#resume()} once the adapters have registered.
   */
  public static DeliveryWorkers deliveries(CoachConfig config, Database database) {
    return new DeliveryWorkers(
            new SqliteInbox(database),
            Clock.systemUTC(),
            DELIVERY_THREADS,
            config.inboxLimit(),
            DEDUPE_WINDOW)
        .computingAtOnce(new ProcessorSlots(config.deliverySlots()));
  }

  /** Reloading and insights for admins, checking the roles of {@code audits}. */
  public static AdminActions admin(CoachCore core, Database database, AuditServices audits) {
    return admin(core, database, audits, null);
  }

  /** The same, with sign-in links to the web console when {@code console} is given. */
  public static AdminActions admin(
      CoachCore core, Database database, AuditServices audits, ConsoleSignIn console) {
    return new AdminActions(
        () -> reloadEverywhere(core, database),
        audits.roles(),
        new Insights(database),
        Clock.systemUTC(),
        console);
  }

  /**
   * The admin console's services over {@code core}; sign-in links start with {@code baseUrl}, asked
   * when a link is made.
   */
  public static ConsoleServices console(
      CoachConfig config,
      CoachCore core,
      Database database,
      AuditServices audits,
      Supplier<URI> baseUrl) {
    Clock clock = Clock.systemUTC();
    SqliteAdminAuditLog log = new SqliteAdminAuditLog(database);
    KnowledgeEditor knowledge =
        new KnowledgeEditor(
            config.knowledgeDir(),
            new SqliteKnowledgeRevisions(database),
            log,
            () -> reloadEverywhere(core, database),
            clock);
    return new ConsoleServices(
        new ConsoleSignIn(
            new SqliteConsoleStore(database), audits.roles()::isAdmin, baseUrl, clock),
        knowledge,
        new AnswerTrials(
            core::snapshot,
            knowledge,
            new SqliteEmbeddingCache(database),
            core.llm()::answers,
            new RetrievalEvidence()),
        new InsightsView(new SqliteInsightQueue(database), core::snapshot, clock),
        audits.history(),
        new RolesAndUsage(audits.roles(), new SqliteTokenUsageLog(database), log, clock),
        log,
        clock);
  }

  /**
   * Reloads {@code core} and tells the other replicas on the database to reload theirs: what an
   * admin's reload (in chat or the console) does. A replica that misses the notice still has its
   * folder watcher, so a failed notice is logged, not thrown.
   */
  static ReloadReport reloadEverywhere(CoachCore core, Database database) {
    ReloadReport report = core.reload();
    if (database.kind().shared()) {
      try {
        new ReplicaNotices(database)
            .send(ReplicaNotices.KNOWLEDGE_RELOAD, Clock.systemUTC().instant());
      } catch (RuntimeException e) {
        log.warn("could not tell the other replicas to reload: {}", e.toString());
      }
    }
    return report;
  }

  /**
   * Reloads {@code core} when another replica on the same database reloaded its knowledge; null on
   * SQLite, which no other replica shares. Close it to stop.
   */
  public static ReplicaNotices followReloads(CoachCore core, Database database) {
    if (!database.kind().shared()) {
      return null;
    }
    ReplicaNotices notices = new ReplicaNotices(database);
    notices.onNotice(ReplicaNotices.KNOWLEDGE_RELOAD, RELOAD_NOTICE_POLL, core::reload);
    return notices;
  }

  /**
   * Reloads {@code core} whenever a knowledge or audit file changes, or a prompt template when a
   * language model uses them.
   */
  public static FolderWatcher watch(CoachConfig config, CoachCore core) throws IOException {
    List<Path> folders = new ArrayList<>(List.of(config.knowledgeDir()));
    if (core.llm().enabled()) {
      folders.add(config.llm().promptsDir());
    }
    // The copies shipped inside the jar cannot change, and a jar's file system cannot be watched.
    folders.removeIf(folder -> folder.getFileSystem() != FileSystems.getDefault());
    return FolderWatcher.start(folders, RELOAD_QUIET_PERIOD, core::reload);
  }
}
