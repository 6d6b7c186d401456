package org.scalingcoach.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scalingcoach.retrieval.EmbeddingCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Section vectors in the database, as little-endian float blobs. Each vector notes when an index
 * build last asked for it; one no build has asked for in {@link #RETENTION} (a sentence edited
 * away, a model no longer used) is deleted at the next build, so the table holds about what the
 * knowledge base and its drafts use instead of every sentence it ever had.
 */
public final class SqliteEmbeddingCache implements EmbeddingCache {
  private static final Logger log = LoggerFactory.getLogger(SqliteEmbeddingCache.class);
  private static final int BATCH = 500;

  /**
   * How long a vector no build asked for is kept: long enough for a draft or a replica on leave.
   */
  public static final Duration RETENTION = Duration.ofDays(30);

  /** A vector's use is written down at most once a day, so a restart rewrites nothing. */
  private static final Duration TOUCH_EVERY = Duration.ofDays(1);

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Database database;
  private final Clock clock;
  private final Duration retention;

  public SqliteEmbeddingCache(Database database) {
    this(database, Clock.systemUTC(), RETENTION);
  }

  SqliteEmbeddingCache(Database database, Clock clock, Duration retention) {
    this.database = database;
    this.clock = clock;
    this.retention = retention;
  }

  @Override
  public Map<String, float[]> find(String model, Collection<String> hashes) {
    Map<String, float[]> found = new HashMap<>();
    List<String> all = new ArrayList<>(hashes);
    for (int from = 0; from < all.size(); from += BATCH) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      String marks = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
      database.withConnection(
          connection -> {
            try (PreparedStatement statement =
                connection.prepareStatement(
                    "SELECT content_hash, vector FROM embedding_cache WHERE model = ? AND"
                        + " content_hash IN ("
                        + marks
                        + ")")) {
              statement.setString(1, model);
              for (int i = 0; i < batch.size(); i++) {
                statement.setString(i + 2, batch.get(i));
              }
              try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                  found.put(rs.getString(1), decode(rs.getBytes(2)));
                }
              }
            }
            return null;
          });
      touch(model, batch.stream().filter(found::containsKey).toList());
    }
    prune();
    return found;
  }

  /** Notes that a build used the vectors of {@code hashes}, unless that was noted within a day. */
  private void touch(String model, List<String> hashes) {
    if (hashes.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    String marks = String.join(",", java.util.Collections.nCopies(hashes.size(), "?"));
    database.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "UPDATE embedding_cache SET used_at = ? WHERE model = ? AND used_at < ? AND"
                      + " content_hash IN ("
                      + marks
                      + ")")) {
            statement.setString(1, STAMP.format(now));
            statement.setString(2, model);
            statement.setString(3, STAMP.format(now.minus(TOUCH_EVERY)));
            for (int i = 0; i < hashes.size(); i++) {
              statement.setString(i + 4, hashes.get(i));
            }
            statement.executeUpdate();
          }
          return null;
        });
  }

  /** Deletes the vectors no build asked for within the retention. */
  private void prune() {
    String before = STAMP.format(clock.instant().minus(retention));
    int pruned =
        database.inTransaction(
            connection -> {
              try (PreparedStatement statement =
                  connection.prepareStatement("DELETE FROM embedding_cache WHERE used_at < ?")) {
                statement.setString(1, before);
                return statement.executeUpdate();
              }
            });
    if (pruned > 0) {
      log.info("pruned {} cached vectors no index build used since {}", pruned, before);
    }
  }

  @Override
  public void store(String model, Map<String, float[]> vectors) {
    if (vectors.isEmpty()) {
      return;
    }
    database.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO embedding_cache (content_hash, model, dimensions, vector,"
                      + " used_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (content_hash, model) DO"
                      + " UPDATE SET dimensions = excluded.dimensions, vector = excluded.vector,"
                      + " used_at = excluded.used_at")) {
            String now = STAMP.format(clock.instant());
            for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
              statement.setString(1, entry.getKey());
              statement.setString(2, model);
              statement.setInt(3, entry.getValue().length);
              statement.setBytes(4, encode(entry.getValue()));
              statement.setString(5, now);
              statement.addBatch();
            }
            statement.executeBatch();
          }
          return null;
        });
  }

  static byte[] encode(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }

  static float[] decode(byte[] bytes) {
    float[] vector = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }
}
