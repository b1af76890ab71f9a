-- The shape of one referral's write: referral-service's referral table (its Flyway migrations up to V23)
-- and platform-support's outbox (V0_1..V0_5), with their indexes and the outbox's sequence trigger.
create table referral (
    id uuid primary key,
    practice_ods_code text not null,
    referrer text not null,
    nhs_number text not null,
    patient_name text not null,
    date_of_birth date not null,
    postcode text not null,
    patient_pseudonym text not null,
    joint text not null check (joint in ('KNEE', 'HIP')),
    status text not null,
    status_reason text,
    site_id text,
    site_name text,
    provider_id text,
    provider_name text,
    sessions integer,
    distance_metres bigint,
    funding_contract_id text,
    commissioner_icb text,
    submitted_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null default 0,
    class_id text,
    booked_at timestamptz,
    idempotency_key text,
    request_hash text,
    contacts_funded integer,
    reason_system text,
    reason_code text,
    preferred_settings text,
    availability text,
    max_travel_metres integer,
    needs text,
    duplicate_intended boolean not null default false,
    route_number integer not null default 1,
    reroutes integer not null default 0,
    routed_class_id text,
    class_start_date date,
    status_reason_code text,
    offered_at timestamptz,
    answer_due date,
    booking_request_number integer not null default 0,
    requested_class_id text,
    funding_revision integer not null default 0
);
create index referral_answer_due on referral (answer_due) where status = 'OFFERED';
create unique index referral_idempotency on referral (practice_ods_code, idempotency_key) where idempotency_key is not null;
create unique index referral_open_per_person on referral (nhs_number, joint)
    where status not in ('WITHDRAWN', 'COMPLETED', 'DROPPED_OUT', 'DID_NOT_ATTEND') and not duplicate_intended;
create index referral_person on referral (nhs_number, joint);
create index referral_practice on referral (practice_ods_code, submitted_at desc);
create index referral_provider on referral (provider_id, submitted_at desc);

create table outbox_event (
    id uuid primary key,
    seq bigserial not null unique,
    topic text not null,
    event_key text,
    type text not null,
    subject text,
    data_schema text,
    occurred_at timestamptz not null,
    payload jsonb,
    published_at timestamptz,
    tombstone boolean not null default false,
    raw_value bytea,
    raw_headers jsonb,
    aggregate_sequence bigint
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
create table outbox_aggregate_sequence (
    topic text not null,
    event_key text not null,
    last_sequence bigint not null,
    primary key (topic, event_key)
);
create function outbox_take_aggregate_sequence() returns trigger language plpgsql as $$
begin
    if new.event_key is not null and new.aggregate_sequence is null then
        insert into outbox_aggregate_sequence (topic, event_key, last_sequence)
        values (new.topic, new.event_key, 1)
        on conflict (topic, event_key)
        do update set last_sequence = outbox_aggregate_sequence.last_sequence + 1
        returning last_sequence into new.aggregate_sequence;
    end if;
    return new;
end
$$;
create trigger outbox_event_aggregate_sequence before insert on outbox_event
    for each row execute function outbox_take_aggregate_sequence();
