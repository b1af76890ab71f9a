-- Commissioning contracts that pay for ESCAPE-pain, and the decision taken for every referral.
create table contract (
    id                       text primary key,
    commissioner_icb         text not null,
    -- null: any qualified provider may deliver under this contract
    provider_id              text,
    model                    text not null check (model in ('BLOCK', 'ACTIVITY', 'ANY_QUALIFIED_PROVIDER', 'PRIME_CONTRACT')),
    max_contacts_per_episode integer not null check (max_contacts_per_episode between 1 and 52),
    price_per_episode_pence  integer,
    valid_from               date not null,
    valid_to                 date,
    created_at               timestamptz not null default now(),
    check (valid_to is null or valid_to >= valid_from)
);
create index contract_commissioner on contract (commissioner_icb);

create table funding_decision (
    referral_id       text primary key,
    funded            boolean not null,
    contract_id       text references contract (id),
    commissioner_icb  text,
    practice_ods_code text not null,
    provider_id       text not null,
    site_id           text not null,
    sessions          integer not null,
    reasons           text not null,
    decided_at        timestamptz not null
);
create index funding_decision_commissioner on funding_decision (commissioner_icb, decided_at desc);
