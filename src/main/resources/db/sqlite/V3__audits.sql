-- The exact text of every audit definition an audit was started with, so later edits never change it.
CREATE TABLE audit_definition (
  content_hash TEXT PRIMARY KEY,
  audit_type   TEXT NOT NULL,
  version      INTEGER NOT NULL,
  source       TEXT NOT NULL,
  stored_at    INTEGER NOT NULL
);

-- One guided audit of a subject by one person. Times are epoch milliseconds.
CREATE TABLE audit (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id            TEXT NOT NULL,
  user_id            TEXT NOT NULL,
  audit_type         TEXT NOT NULL,
  subject            TEXT NOT NULL,
  subject_key        TEXT NOT NULL,
  definition_hash    TEXT NOT NULL REFERENCES audit_definition (content_hash),
  definition_version INTEGER NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('OPEN', 'PAUSED', 'FINISHED', 'ABANDONED')),
  position           INTEGER NOT NULL DEFAULT 0,
  revision           INTEGER NOT NULL DEFAULT 0,
  score              REAL,
  level_name         TEXT,
  started_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  finished_at        INTEGER,
  nudged_at          INTEGER
);
-- At most one open (or paused) audit per person, type and subject.
CREATE UNIQUE INDEX audit_one_active ON audit (team_id, user_id, audit_type, subject_key)
  WHERE status IN ('OPEN', 'PAUSED');
CREATE INDEX audit_team_subject ON audit (team_id, audit_type, subject_key, finished_at);
CREATE INDEX audit_idle ON audit (status, updated_at) WHERE nudged_at IS NULL;

-- One answer per question of an audit; a skipped question has no option.
CREATE TABLE audit_answer (
  audit_id    INTEGER NOT NULL REFERENCES audit (id),
  team_id     TEXT NOT NULL,
  question_id TEXT NOT NULL,
  option_id   TEXT,
  level       INTEGER,
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (audit_id, question_id)
);

-- Recurring re-audits a manager scheduled.
CREATE TABLE audit_reminder (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id      TEXT NOT NULL,
  audit_type   TEXT NOT NULL,
  subject      TEXT NOT NULL,
  subject_key  TEXT NOT NULL,
  owner_id     TEXT NOT NULL,
  every_days   INTEGER NOT NULL CHECK (every_days > 0),
  created_by   TEXT NOT NULL,
  next_due_at  INTEGER NOT NULL,
  UNIQUE (team_id, audit_type, subject_key, owner_id)
);
CREATE INDEX audit_reminder_due ON audit_reminder (next_due_at);

-- Roles admins grant per workspace: managers see every audit of their workspace.
CREATE TABLE coach_role (
  team_id    TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('manager', 'admin')),
  granted_by TEXT NOT NULL,
  granted_at INTEGER NOT NULL,
  PRIMARY KEY (team_id, user_id, role)
);
