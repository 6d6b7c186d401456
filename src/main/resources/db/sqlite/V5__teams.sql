-- Teams activities already handled, so a delivery the Bot Framework repeats is answered once.
CREATE TABLE teams_activity_seen (
  tenant_id        TEXT NOT NULL,
  conversation_id  TEXT NOT NULL,
  activity_id      TEXT NOT NULL,
  seen_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (tenant_id, conversation_id, activity_id)
);
CREATE INDEX teams_activity_seen_at ON teams_activity_seen (seen_at);

-- The last turns of each Teams conversation, so a follow-up question is read in context.
CREATE TABLE teams_turn (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id        TEXT NOT NULL,
  conversation_id  TEXT NOT NULL,
  speaker          TEXT NOT NULL CHECK (speaker IN ('USER', 'COACH')),
  text             TEXT NOT NULL,
  said_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX teams_turn_conversation ON teams_turn (tenant_id, conversation_id, id);

-- 👍/👎 on answers in Teams; a user's later vote on the same answer replaces the earlier one.
CREATE TABLE teams_feedback (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id           TEXT NOT NULL,
  conversation_id     TEXT NOT NULL,
  answer_activity_id  TEXT NOT NULL,
  user_id             TEXT NOT NULL,
  vote                TEXT NOT NULL CHECK (vote IN ('up', 'down')),
  question            TEXT NOT NULL,
  topic               TEXT,
  top_source          TEXT,
  given_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (tenant_id, conversation_id, answer_activity_id, user_id)
);
CREATE INDEX teams_feedback_tenant_vote ON teams_feedback (tenant_id, vote, given_at);
