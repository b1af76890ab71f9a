-- Contract terms as data, versioned: a contract is its commissioner and id; its terms are versions
-- (the original and each amendment), each in force from one day to another, never overlapping.
create extension if not exists btree_gist;

create table contract_version (
    contract_id                  text    not null references contract (id) on delete cascade,
    version                      integer not null check (version >= 1),
    valid_from                   date    not null,
    -- null: open-ended
    valid_to                     date,
    -- comma-separated provider ids; null: any qualified provider
    provider_ids                 text,
    -- comma-separated site ids; null: every site of its providers
    site_ids                     text,
    joints                       text    not null default 'KNEE,HIP' check (joints in ('KNEE', 'HIP', 'KNEE,HIP')),
    max_contacts_per_episode     integer not null check (max_contacts_per_episode between 1 and 52),
    payment_model                text    not null
        check (payment_model in ('BLOCK', 'ACTIVITY', 'OUTCOME_BASED', 'PRIME_SUB_CONTRACT')),
    -- Money is integer pence everywhere.
    price_per_episode_pence      bigint check (price_per_episode_pence >= 0),
    price_per_completion_pence   bigint check (price_per_completion_pence >= 0),
    price_per_responder_pence    bigint check (price_per_responder_pence >= 0),
    block_amount_pence           bigint check (block_amount_pence >= 0),
    prime_contractor_id          text,
    sub_contract_price_pence     bigint check (sub_contract_price_pence >= 0),
    cap_period                   text    not null default 'QUARTER' check (cap_period in ('QUARTER', 'YEAR')),
    -- null: no cap
    max_episodes_per_period      integer check (max_episodes_per_period >= 0),
    budget_pence_per_period      bigint check (budget_pence_per_period >= 0),
    created_at                   timestamptz not null default now(),
    primary key (contract_id, version),
    check (valid_to is null or valid_to >= valid_from),
    -- The database keeps versions of one contract apart as well as the service does; checked at commit, as
    -- an amendment that supersedes a version shortens it in the same transaction.
    constraint contract_version_no_overlap
        exclude using gist (contract_id with =, daterange(valid_from, valid_to, '[]') with &&)
        deferrable initially deferred
);

-- Every contract so far becomes its own version 1. Any qualified provider was paid per episode (activity);
-- a prime contract is the prime/sub-contract model.
insert into contract_version (contract_id, version, valid_from, valid_to, provider_ids, joints,
                              max_contacts_per_episode, payment_model, price_per_episode_pence, created_at)
select id, 1, valid_from, valid_to, provider_id, joints, max_contacts_per_episode,
       case model when 'ANY_QUALIFIED_PROVIDER' then 'ACTIVITY' when 'PRIME_CONTRACT' then 'PRIME_SUB_CONTRACT' else model end,
       price_per_episode_pence, created_at
from contract;

alter table contract drop column provider_id;
alter table contract drop column model;
alter table contract drop column max_contacts_per_episode;
alter table contract drop column price_per_episode_pence;
alter table contract drop column valid_from;
alter table contract drop column valid_to;
alter table contract drop column joints;
