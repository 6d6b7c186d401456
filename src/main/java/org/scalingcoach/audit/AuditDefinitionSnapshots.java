package org.scalingcoach.audit;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The definitions audits were started with, stored once each so later file edits never change them.
 */
final class AuditDefinitionSnapshots {
  private final AuditStore store;
  private final Map<String, AuditDefinition> snapshots = new ConcurrentHashMap<>();
  private final Set<String> savedSnapshots = ConcurrentHashMap.newKeySet();

  AuditDefinitionSnapshots(AuditStore store) {
    this.store = store;
  }

  /** Keeps a definition in memory, so audits started with it need no database read. */
  void remember(AuditDefinition definition) {
    snapshots.put(definition.contentHash(), definition);
  }

  /** Stores the definition (once per content hash) before an audit is started with it. */
  void save(AuditDefinition definition) {
    // Marked saved only once the row is committed: a concurrent start that skipped the save
    // before then would insert an audit whose definition row does not exist yet. Saving twice is
    // harmless (the store ignores a known hash).
    if (!savedSnapshots.contains(definition.contentHash())) {
      store.saveDefinition(definition);
      savedSnapshots.add(definition.contentHash());
    }
    snapshots.putIfAbsent(definition.contentHash(), definition);
  }

  /** The definition an audit was started with, even if the file has changed since. */
  AuditDefinition of(AuditRecord audit) {
    return snapshots.computeIfAbsent(
        audit.definitionHash(),
        hash -> {
          String source =
              store
                  .definitionSource(hash)
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "audit "
                                  + audit.id()
                                  + " refers to a definition snapshot that is missing: "
                                  + hash));
          AuditDefinitionParser.Parsed parsed =
              new AuditDefinitionParser().parse(Path.of("snapshot-" + hash + ".yaml"), source);
          if (parsed.definition() == null) {
            throw new IllegalStateException(
                "stored definition snapshot " + hash + " no longer parses: " + parsed.problems());
          }
          return parsed.definition();
        });
  }
}
