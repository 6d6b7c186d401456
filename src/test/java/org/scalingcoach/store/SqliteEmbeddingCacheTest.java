package org.scalingcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scalingcoach.audit.MutableClock;

class SqliteEmbeddingCacheTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void should_return_stored_vectors_only_for_the_same_model(DatabaseKind kind) {
    SqliteEmbeddingCache cache = new SqliteEmbeddingCache(TestDatabases.open(kind, "cache-"));

    cache.store("m1", Map.of("h1", new float[] {0.5f, -1.25f}, "h2", new float[] {1f, 0f}));

    assertThat(cache.find("m1", List.of("h1", "h3"))).containsOnlyKeys("h1");
    assertThat(cache.find("m1", List.of("h1")).get("h1")).containsExactly(0.5f, -1.25f);
    assertThat(cache.find("m2", List.of("h1"))).isEmpty();

    cache.store("m1", Map.of("h1", new float[] {2f, 3f}));
    assertThat(cache.find("m1", List.of("h1")).get("h1")).containsExactly(2f, 3f);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void should_prune_the_vectors_no_build_asked_for_within_the_retention(DatabaseKind kind) {
    MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T09:00:00Z"));
    SqliteEmbeddingCache cache =
        new SqliteEmbeddingCache(
            TestDatabases.open(kind, "prune-"), clock, java.time.Duration.ofDays(30));
    cache.store("m1", Map.of("kept", new float[] {1f}, "edited-away", new float[] {2f}));
    cache.store("old-model", Map.of("kept", new float[] {3f}));

    clock.advance(java.time.Duration.ofDays(20));
    assertThat(cache.find("m1", List.of("kept"))).containsOnlyKeys("kept"); // used again
    clock.advance(java.time.Duration.ofDays(20));
    assertThat(cache.find("m1", List.of("new"))).isEmpty(); // a build 40 days on prunes

    assertThat(cache.find("m1", List.of("kept", "edited-away"))).containsOnlyKeys("kept");
    assertThat(cache.find("old-model", List.of("kept"))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void should_keep_a_vector_used_within_the_retention_that_this_build_does_not_ask_for(
      DatabaseKind kind) throws Exception {
    Database database = TestDatabases.open(kind, "grace-");
    // Used 28 days ago (by a draft, another replica, or when the migration counted it as used).
    database.inTransaction(
        connection -> {
          try (var statement =
              connection.prepareStatement(
                  "INSERT INTO embedding_cache (content_hash, model, dimensions, vector, used_at)"
                      + " VALUES ('h', 'm1', 1, ?, '2026-01-01T09:00:00.000Z')")) {
            statement.setBytes(1, SqliteEmbeddingCache.encode(new float[] {4f}));
            return statement.executeUpdate();
          }
        });
    MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-29T09:00:00Z"));
    SqliteEmbeddingCache cache =
        new SqliteEmbeddingCache(database, clock, java.time.Duration.ofDays(30));

    assertThat(cache.find("m1", List.of("other"))).isEmpty();
    assertThat(cache.find("m1", List.of("h")).get("h")).containsExactly(4f);
  }

  @Test
  void should_open_with_wal_and_foreign_keys() throws Exception {
    Database database = Database.open(dir.resolve("c.db"));

    try (var connection = database.connection();
        var statement = connection.createStatement()) {
      var journal = statement.executeQuery("PRAGMA journal_mode");
      journal.next();
      assertThat(journal.getString(1)).isEqualToIgnoringCase("wal");
      var keys = statement.executeQuery("PRAGMA foreign_keys");
      keys.next();
      assertThat(keys.getInt(1)).isEqualTo(1);
    }
    assertThat(database.reachable()).isTrue();
  }
}
