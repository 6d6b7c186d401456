-- Every message a delivery's reply sent, in the order sent, one platform id a line (Slack
-- "channel/ts", a Teams activity id, "-" when the platform gave none): a delivery resumed after a
-- crash skips the messages listed here and sends the rest.
ALTER TABLE delivery ADD COLUMN sent_refs TEXT;
UPDATE delivery SET sent_refs = reply_ref WHERE reply_ref IS NOT NULL;
