-- Questions handed to people ("Ask an expert"), and every step taken on them.
CREATE TABLE expert_question (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  platform         TEXT    NOT NULL,
  workspace        TEXT    NOT NULL,
  user_id          TEXT    NOT NULL,
  conversation     TEXT    NOT NULL,
  thread           TEXT    NOT NULL DEFAULT '',
  question         TEXT    NOT NULL,
  context          TEXT    NOT NULL DEFAULT '',
  coach_answer     TEXT    NOT NULL DEFAULT '',
  sources          TEXT    NOT NULL DEFAULT '',
  route            TEXT    NOT NULL,
  channel_platform TEXT,
  channel_id       TEXT,
  expert_message   TEXT,
  state            TEXT    NOT NULL,
  claimed_by       TEXT,
  answer           TEXT,
  answered_by      TEXT,
  decline_reason   TEXT,
  asked_at         INTEGER NOT NULL,
  due_at           INTEGER NOT NULL,
  reminded_at      INTEGER,
  draft            TEXT,
  revision         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX expert_question_asker ON expert_question (platform, workspace, user_id, asked_at);
CREATE INDEX expert_question_state ON expert_question (state, due_at);

CREATE TABLE expert_step (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  question_id INTEGER NOT NULL REFERENCES expert_question (id),
  at          INTEGER NOT NULL,
  actor       TEXT    NOT NULL,
  action      TEXT    NOT NULL,
  detail      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX expert_step_question ON expert_step (question_id, id);
