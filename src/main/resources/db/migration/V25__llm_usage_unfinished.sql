-- Calls that timed out or broke off mid-stream are billed too: they are recorded with the tokens
-- known or estimated at that point, and finished = 0 keeps them apart from answers.
ALTER TABLE llm_usage ADD COLUMN finished INTEGER NOT NULL DEFAULT 1;
