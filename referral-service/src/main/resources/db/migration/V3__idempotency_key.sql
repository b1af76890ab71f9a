-- A referrer's clinical system may retry a POST it did not hear back from: the same Idempotency-Key
-- from the same practice returns the referral made the first time instead of a second one.
alter table referral add column idempotency_key text;
alter table referral add column request_hash text;
create unique index referral_idempotency on referral (practice_ods_code, idempotency_key)
    where idempotency_key is not null;
