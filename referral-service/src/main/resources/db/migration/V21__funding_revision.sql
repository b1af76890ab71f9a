-- The latest revision of the current route's funding decision applied: a contract created or changed
-- re-decides a referral held as not funded, and only a later revision may lift the hold.
ALTER TABLE referral ADD COLUMN funding_revision integer NOT NULL DEFAULT 0;
