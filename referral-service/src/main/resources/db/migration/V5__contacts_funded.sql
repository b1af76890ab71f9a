-- The funding contract's cap on contacts per episode, from its funding decision: booking refuses a
-- class with more sessions than this. Null for referrals funded before decisions stated it.
alter table referral add column contacts_funded integer;
