-- The referral service's own view of the site directory, fed only by the sites topic.
create table site_view (
    site_id       text primary key,
    name          text not null,
    provider_id   text not null,
    provider_name text not null,
    provider_type text not null,
    setting       text not null,
    postcode      text not null,
    latitude      double precision not null,
    longitude     double precision not null,
    programmes    text not null,
    sessions      integer not null,
    status        text not null,
    updated_at    timestamptz not null
);
create index site_view_location on site_view (latitude, longitude);

-- Referrals, with the patient's details: the only place outside the provider that holds them.
create table referral (
    id                  uuid primary key,
    practice_ods_code   text not null,
    referrer            text not null,
    nhs_number          text not null,
    patient_name        text not null,
    date_of_birth       date not null,
    postcode            text not null,
    patient_pseudonym   text not null,
    joint               text not null check (joint in ('KNEE', 'HIP')),
    status              text not null check (status in ('SUBMITTED', 'OFFERED', 'NEEDS_ATTENTION')),
    status_reason       text,
    site_id             text,
    site_name           text,
    provider_id         text,
    provider_name       text,
    sessions            integer,
    distance_metres     bigint,
    funding_contract_id text,
    commissioner_icb    text,
    submitted_at        timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint not null default 0
);
create index referral_practice on referral (practice_ods_code, submitted_at desc);
create index referral_provider on referral (provider_id, submitted_at desc);
