package org.scalingcoach.retrieval;

import java.util.Collection;
import java.util.Map;

/** Remembers section vectors by content hash so a restart does not embed unchanged text again. */
public interface EmbeddingCache {

  /** The cached vectors for those of {@code hashes} that are known, by hash. */
  Map<String, float[]> find(String model, Collection<String> hashes);

  void store(String model, Map<String, float[]> vectors);

  /** A cache that remembers nothing, for one-off runs. */
  EmbeddingCache NONE =
      new EmbeddingCache() {
        @Override
        public Map<String, float[]> find(String model, Collection<String> hashes) {
          return Map.of();
        }

        @Override
        public void store(String model, Map<String, float[]> vectors) {}
      };
}
