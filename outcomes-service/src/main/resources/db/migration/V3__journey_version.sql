-- Two consumers (referral events, funding decisions) update the same journey: a version makes a
-- concurrent update fail and be retried instead of silently overwriting the other's change.
alter table referral_journey add column version bigint not null default 0;
