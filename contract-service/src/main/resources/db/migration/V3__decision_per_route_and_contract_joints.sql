-- A referral may be proposed several times (re-routed to another class, perhaps another provider):
-- one decision per proposal. Decisions taken before routes were counted decided route 1.
alter table funding_decision add column route_number integer not null default 1;
alter table funding_decision alter column route_number drop default;
alter table funding_decision add constraint funding_decision_route_number check (route_number >= 1);
alter table funding_decision drop constraint funding_decision_pkey;
alter table funding_decision add primary key (referral_id, route_number);
-- What was proposed, now kept too; unknown (null) for decisions taken before.
alter table funding_decision add column joint text check (joint in ('KNEE', 'HIP'));
alter table funding_decision add column class_id text;

-- The joints a contract pays courses for; every contract registered before paid for both.
alter table contract add column joints text not null default 'KNEE,HIP'
    check (joints in ('KNEE', 'HIP', 'KNEE,HIP'));
