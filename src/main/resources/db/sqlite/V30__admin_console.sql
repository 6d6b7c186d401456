-- One-time sign-in links for the admin console. Only a hash of the token is kept.
CREATE TABLE console_link (
  token_hash  TEXT PRIMARY KEY,
  team_id     TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  platform    TEXT NOT NULL,
  created_at  INTEGER NOT NULL,        -- epoch milliseconds
  expires_at  INTEGER NOT NULL,
  used_at     INTEGER                  -- null until the link is opened
);
CREATE INDEX console_link_expiry ON console_link (expires_at);

-- Signed-in console sessions; the cookie holds the token, the table its hash.
CREATE TABLE console_session (
  token_hash  TEXT PRIMARY KEY,
  team_id     TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  platform    TEXT NOT NULL,
  csrf_token  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
);
CREATE INDEX console_session_expiry ON console_session (expires_at);

-- Every change made in the admin console: who, when, what, and the value before and after.
CREATE TABLE admin_audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id     TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  at          INTEGER NOT NULL,
  action      TEXT NOT NULL,
  target      TEXT NOT NULL,
  before      TEXT,
  after       TEXT
);
CREATE INDEX admin_audit_log_team ON admin_audit_log (team_id, at);

-- Every saved version of a knowledge document, so any save can be compared and undone.
CREATE TABLE knowledge_revision (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  document    TEXT NOT NULL,           -- path relative to the knowledge folder
  content     TEXT NOT NULL,
  team_id     TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  saved_at    INTEGER NOT NULL,
  note        TEXT NOT NULL
);
CREATE INDEX knowledge_revision_document ON knowledge_revision (document, id);
