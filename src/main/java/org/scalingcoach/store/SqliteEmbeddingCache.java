package org.scalingcoach.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scalingcoach.retrieval.EmbeddingCache;

/** Section vectors in SQLite, as little-endian float blobs. */
public final class SqliteEmbeddingCache implements EmbeddingCache {
  private static final int BATCH = 500;
  private final Database database;

  public SqliteEmbeddingCache(Database database) {
    this.database = database;
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
    }
    return found;
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
                  "INSERT INTO embedding_cache (content_hash, model, dimensions, vector)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT (content_hash, model) DO UPDATE SET"
                      + " dimensions = excluded.dimensions, vector = excluded.vector")) {
            for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
              statement.setString(1, entry.getKey());
              statement.setString(2, model);
              statement.setInt(3, entry.getValue().length);
              statement.setBytes(4, encode(entry.getValue()));
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
