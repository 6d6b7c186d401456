-- The per-platform tables the SQLite form of this version creates were merged into shared ones by
-- V11 before PostgreSQL was supported; a PostgreSQL database starts with the shared ones.
SELECT 1;
