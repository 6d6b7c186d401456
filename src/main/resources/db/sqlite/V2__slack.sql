-- Every answer the coach posted in Slack. The rows of one thread are its memory for follow-ups,
-- their presence marks threads the coach answered, and feedback points at them.
CREATE TABLE slack_answer (
  id          TEXT PRIMARY KEY,
  team_id     TEXT NOT NULL,
  channel     TEXT NOT NULL,
  thread_ts   TEXT NOT NULL,           -- '' for a top-level direct message
  message_ts  TEXT,                    -- null for answers sent through a response_url
  user_id     TEXT NOT NULL,
  question    TEXT NOT NULL,
  answer_json TEXT NOT NULL,
  created_at  INTEGER NOT NULL         -- epoch milliseconds
);
CREATE INDEX slack_answer_thread ON slack_answer (team_id, channel, thread_ts, created_at);

-- Thumbs up or down on an answer, one vote per user and answer; a new click replaces the old vote.
CREATE TABLE slack_feedback (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id    TEXT NOT NULL,
  answer_id  TEXT NOT NULL REFERENCES slack_answer (id),
  user_id    TEXT NOT NULL,
  rating     INTEGER NOT NULL CHECK (rating IN (-1, 1)),
  question   TEXT NOT NULL,
  sources    TEXT NOT NULL,            -- cited section keys, comma separated
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (answer_id, user_id)
);
CREATE INDEX slack_feedback_team ON slack_feedback (team_id, rating, created_at);

-- Deliveries already handled (event ids, message ids), so a retry never gets a second answer.
CREATE TABLE slack_handled_event (
  team_id    TEXT NOT NULL,
  event_key  TEXT NOT NULL,
  expires_at INTEGER NOT NULL,         -- epoch milliseconds
  PRIMARY KEY (team_id, event_key)
);
CREATE INDEX slack_handled_event_expiry ON slack_handled_event (expires_at);
