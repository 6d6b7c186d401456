-- PostgreSQL form of the SQLite V6 (BIGINT for epoch milliseconds).
CREATE TABLE slack_assistant_thread (
  team_id         TEXT NOT NULL,
  channel         TEXT NOT NULL,
  thread_ts       TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  context_channel TEXT,
  updated_at      BIGINT NOT NULL,
  PRIMARY KEY (team_id, channel, thread_ts)
);
