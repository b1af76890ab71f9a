-- Providers now accept, decline and book referrals.
alter table referral_journey add column class_id text;
alter table referral_journey add column booked_at timestamptz;
