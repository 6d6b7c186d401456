-- Tokens each written (LLM) answer cost, so admins can see the spend per day and workspace.
CREATE TABLE llm_usage (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id       TEXT NOT NULL,
  user_id       TEXT NOT NULL,
  provider      TEXT NOT NULL,
  model         TEXT NOT NULL,
  input_tokens  INTEGER NOT NULL,
  output_tokens INTEGER NOT NULL,
  day           TEXT NOT NULL,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX llm_usage_team_day ON llm_usage (team_id, day);
CREATE INDEX llm_usage_day ON llm_usage (day);
