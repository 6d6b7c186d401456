-- One table per concept, keyed by platform and workspace, instead of one per chat platform.
-- Every row of the per-platform tables is carried over before they are dropped.

-- Conversation memory: one row per exchange (a question and the coach's reply).
CREATE TABLE conversation_turn (
  id            TEXT PRIMARY KEY,
  platform      TEXT NOT NULL,               -- 'slack', 'teams'
  workspace     TEXT NOT NULL,               -- Slack team id, Teams tenant id
  conversation  TEXT NOT NULL,               -- Slack channel, Teams conversation id
  thread        TEXT NOT NULL DEFAULT '',    -- Slack thread ts; '' when the conversation is flat
  message_ref   TEXT,                        -- the platform's id of the reply, when known
  user_id       TEXT,                        -- who asked; null for rows carried over from Teams
  question      TEXT NOT NULL,
  reply         TEXT NOT NULL,               -- the coach's reply as markdown
  answer_json   TEXT,                        -- the whole answer when kept (feedback, sharing)
  created_at    INTEGER NOT NULL             -- epoch milliseconds
);
CREATE INDEX conversation_turn_thread
  ON conversation_turn (platform, workspace, conversation, thread, created_at);

INSERT INTO conversation_turn (id, platform, workspace, conversation, thread, message_ref, user_id,
                               question, reply, answer_json, created_at)
SELECT id, 'slack', team_id, channel, thread_ts, message_ts, user_id, question,
       COALESCE(json_extract(answer_json, '$.markdown'), ''), answer_json, created_at
FROM slack_answer;

-- Teams kept the question and the reply as two rows written together; pair each reply with the
-- question just before it (a question pruned away leaves an empty one, the reply is kept).
INSERT INTO conversation_turn (id, platform, workspace, conversation, thread, message_ref, user_id,
                               question, reply, answer_json, created_at)
SELECT 'teams-' || c.id, 'teams', c.tenant_id, c.conversation_id, '', NULL, NULL,
       COALESCE((SELECT u.text FROM teams_turn u
                 WHERE u.tenant_id = c.tenant_id AND u.conversation_id = c.conversation_id
                   AND u.speaker = 'USER' AND u.id < c.id
                 ORDER BY u.id DESC LIMIT 1), ''),
       c.text, NULL,
       CAST(ROUND((julianday(c.said_at) - 2440587.5) * 86400000) AS INTEGER)
FROM teams_turn c WHERE c.speaker = 'COACH';

-- Thumbs up or down on an answer; a person's new vote on the same answer replaces the old one.
CREATE TABLE answer_feedback (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  platform      TEXT NOT NULL,
  workspace     TEXT NOT NULL,
  conversation  TEXT NOT NULL DEFAULT '',    -- '' where the answer id alone is unique (Slack)
  answer_ref    TEXT NOT NULL,               -- the turn id (Slack) or reply activity id (Teams)
  user_id       TEXT NOT NULL,
  rating        INTEGER NOT NULL CHECK (rating IN (-1, 1)),
  question      TEXT NOT NULL,
  sources       TEXT NOT NULL DEFAULT '',    -- cited section keys, comma separated
  topic         TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (platform, workspace, conversation, answer_ref, user_id)
);
CREATE INDEX answer_feedback_workspace ON answer_feedback (platform, workspace, rating, created_at);
CREATE INDEX answer_feedback_created ON answer_feedback (created_at);

INSERT INTO answer_feedback (platform, workspace, conversation, answer_ref, user_id, rating,
                             question, sources, topic, created_at)
SELECT 'slack', team_id, '', answer_id, user_id, rating, question, sources, NULL, created_at
FROM slack_feedback ORDER BY id;

INSERT INTO answer_feedback (platform, workspace, conversation, answer_ref, user_id, rating,
                             question, sources, topic, created_at)
SELECT 'teams', tenant_id, conversation_id, answer_activity_id, user_id,
       CASE vote WHEN 'up' THEN 1 ELSE -1 END, question, COALESCE(top_source, ''), topic, given_at
FROM teams_feedback ORDER BY id;

-- Claims taken while handling a delivery (event and message ids, double clicks), by platform.
CREATE TABLE delivery_claim (
  platform      TEXT NOT NULL,
  workspace     TEXT NOT NULL,
  claim_key     TEXT NOT NULL,
  delivery_id   INTEGER,                     -- the inbox delivery that took it
  expires_at    INTEGER NOT NULL,            -- epoch milliseconds
  PRIMARY KEY (platform, workspace, claim_key)
);
CREATE INDEX delivery_claim_expiry ON delivery_claim (expires_at);

INSERT INTO delivery_claim (platform, workspace, claim_key, delivery_id, expires_at)
SELECT 'slack', team_id, event_key, delivery_id, expires_at FROM slack_handled_event;

-- Teams activities seen before the inbox existed stay known as finished deliveries, so a late
-- retry of one is still recognised.
INSERT OR IGNORE INTO delivery (platform, workspace, delivery_key, payload, state, attempts,
                                received_at, updated_at)
SELECT 'teams', tenant_id, 'activity:' || conversation_id || ':' || activity_id, '{}', 'DONE', 1,
       CAST(ROUND((julianday(seen_at) - 2440587.5) * 86400000) AS INTEGER),
       CAST(ROUND((julianday(seen_at) - 2440587.5) * 86400000) AS INTEGER)
FROM teams_activity_seen;

-- Where each person can be reached for messages nobody asked for (reminders, nudges).
CREATE TABLE conversation_ref (
  platform          TEXT NOT NULL,
  workspace         TEXT NOT NULL,
  user_id           TEXT NOT NULL,
  platform_user_id  TEXT NOT NULL,           -- Teams: the Bot Framework id of the person
  user_name         TEXT NOT NULL,
  service_url       TEXT NOT NULL,
  bot_id            TEXT NOT NULL,
  conversation_id   TEXT,                    -- their personal chat; null until known
  updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (platform, workspace, user_id)
);
CREATE INDEX conversation_ref_platform_user ON conversation_ref (platform, workspace, platform_user_id);

INSERT INTO conversation_ref (platform, workspace, user_id, platform_user_id, user_name,
                              service_url, bot_id, conversation_id, updated_at)
SELECT 'teams', tenant_id, user_id, bot_framework_id, user_name, service_url, bot_id,
       conversation_id, updated_at
FROM teams_conversation_ref;

DROP TABLE slack_feedback;
DROP TABLE slack_answer;
DROP TABLE teams_feedback;
DROP TABLE teams_turn;
DROP TABLE slack_handled_event;
DROP TABLE teams_activity_seen;
DROP TABLE teams_conversation_ref;
