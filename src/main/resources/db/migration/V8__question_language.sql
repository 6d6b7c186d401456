-- The language a question was written in (ISO 639-1), so admins see demand for other languages.
ALTER TABLE question_log ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
