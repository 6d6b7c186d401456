-- The durable inbox: every verified delivery from a chat platform, stored before it is
-- acknowledged. The unique key is the dedupe; a row is done only once its reply was sent.
CREATE TABLE delivery (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  platform      TEXT NOT NULL,               -- 'slack', 'teams'
  workspace     TEXT NOT NULL,               -- Slack team id, Teams tenant id
  delivery_key  TEXT NOT NULL,               -- event id, trigger id, activity id or request hash
  payload       TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('PENDING', 'WORKING', 'SENDING', 'DONE', 'FAILED')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  reply_ref     TEXT,                        -- Slack message ts or Teams activity id of the reply
  received_at   INTEGER NOT NULL,            -- epoch milliseconds
  updated_at    INTEGER NOT NULL,
  UNIQUE (platform, workspace, delivery_key)
);
CREATE INDEX delivery_state ON delivery (state, id);
CREATE INDEX delivery_updated ON delivery (updated_at);

-- A claim taken while working on a delivery belongs to it, so redoing that delivery after a crash
-- is not mistaken for a second delivery of the same message.
ALTER TABLE slack_handled_event ADD COLUMN delivery_id INTEGER;
