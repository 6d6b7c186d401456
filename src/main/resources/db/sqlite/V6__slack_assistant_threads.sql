-- Threads of Slack's assistant panel, with the channel the person was viewing when they opened it
-- or last switched channels (assistant_thread_started / assistant_thread_context_changed).
CREATE TABLE slack_assistant_thread (
  team_id         TEXT NOT NULL,
  channel         TEXT NOT NULL,       -- the DM channel that holds the assistant thread
  thread_ts       TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  context_channel TEXT,                -- null when the person was not viewing a channel
  updated_at      INTEGER NOT NULL,    -- epoch milliseconds
  PRIMARY KEY (team_id, channel, thread_ts)
);
