-- Where each Teams user can be reached, so reminders and nudges can be sent to them proactively.
-- conversation_id is their personal chat with the bot; NULL until one is known or created.
CREATE TABLE teams_conversation_ref (
  tenant_id         TEXT NOT NULL,
  user_id           TEXT NOT NULL,
  bot_framework_id  TEXT NOT NULL,
  user_name         TEXT NOT NULL,
  service_url       TEXT NOT NULL,
  bot_id            TEXT NOT NULL,
  conversation_id   TEXT,
  updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX teams_conversation_ref_bf ON teams_conversation_ref (tenant_id, bot_framework_id);
