-- A referral whose course has ended (completed, dropped out, did not attend) is closed like a withdrawn
-- one: it no longer blocks a new referral for the same person and joint.
drop index referral_open_per_person;
create unique index referral_open_per_person on referral (nhs_number, joint)
    where status not in ('WITHDRAWN', 'COMPLETED', 'DROPPED_OUT', 'DID_NOT_ATTEND') and not duplicate_intended;
