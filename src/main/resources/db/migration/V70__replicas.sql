-- Several coach replicas on one database. Every script in this folder runs on SQLite and on
-- PostgreSQL alike; a statement that differs goes into db/sqlite and db/postgresql instead.

-- Which replica holds a delivery, and until when: a replica renews the leases of the deliveries it
-- holds, and takes over those whose holder stopped renewing them (it died or lost the database).
ALTER TABLE delivery ADD COLUMN claimed_by TEXT;
ALTER TABLE delivery ADD COLUMN lease_until BIGINT;
CREATE INDEX delivery_lease ON delivery (state, lease_until);

-- Background work only one replica may do at a time (re-audit reminders and nudges, expert
-- reminders): the holder renews its row; another replica takes it over once it expired.
CREATE TABLE replica_lease (
  name        TEXT PRIMARY KEY,
  holder      TEXT NOT NULL,
  expires_at  BIGINT NOT NULL
);

-- Notices every replica acts on, such as "the knowledge was reloaded": one row per kind whose
-- version goes up with each notice; a replica that sees a version above the last one it saw, sent
-- by another replica, acts on it.
CREATE TABLE replica_notice (
  kind        TEXT PRIMARY KEY,
  version     BIGINT NOT NULL,
  sender      TEXT NOT NULL,
  sent_at     BIGINT NOT NULL
);
