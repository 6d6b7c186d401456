-- When a cached vector was last asked for by an index build, so vectors of sentences that were edited
-- away (or of a model no longer used) can be pruned after a while instead of being kept forever.
ALTER TABLE embedding_cache ADD COLUMN used_at TEXT;
-- Rows made before this release count as used now, which gives every one the full grace period.
UPDATE embedding_cache SET used_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
CREATE INDEX embedding_cache_used_at ON embedding_cache (used_at);
