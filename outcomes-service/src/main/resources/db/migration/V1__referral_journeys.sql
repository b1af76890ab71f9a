-- One pseudonymous row per referral, built only from events. Reports are derived from these rows,
-- so a replay of the topics rebuilds exactly the same figures.
create table referral_journey (
    referral_id       text primary key,
    patient_pseudonym text,
    practice_ods_code text,
    joint             text,
    site_id           text,
    provider_id       text,
    sessions          integer,
    commissioner_icb  text,
    status            text not null,
    submitted_at      timestamptz,
    decided_at        timestamptz,
    updated_at        timestamptz not null
);
create index referral_journey_site on referral_journey (site_id);
create index referral_journey_icb on referral_journey (commissioner_icb);
