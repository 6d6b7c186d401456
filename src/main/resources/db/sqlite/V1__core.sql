-- Vectors of knowledge sections, keyed by a hash of the embedded text and the model that made them.
CREATE TABLE embedding_cache (
  content_hash TEXT NOT NULL,
  model        TEXT NOT NULL,
  dimensions   INTEGER NOT NULL,
  vector       BLOB NOT NULL,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (content_hash, model)
);

-- Every question asked, so admins can see what the coach could not answer.
CREATE TABLE question_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id     TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  channel     TEXT NOT NULL,
  question    TEXT NOT NULL,
  answered    INTEGER NOT NULL,
  topic       TEXT,
  top_source  TEXT,
  asked_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX question_log_team_answered ON question_log (team_id, answered, asked_at);
