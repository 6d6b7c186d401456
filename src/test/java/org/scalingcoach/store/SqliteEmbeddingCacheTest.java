package org.scalingcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
