-- Records a consumer could not process: kept here (with the reason) for an admin to inspect and
-- replay, and relayed to the service's dead-letter topic through the outbox in the same transaction.
-- One row per consumer and record position, so a redelivered poison record is recorded once.
create table dead_letter (
    id               bigserial primary key,
    consumer         text not null,
    topic            text not null,
    kafka_partition  integer not null,
    kafka_offset     bigint not null,
    record_key       text,
    record_value     bytea,
    record_headers   jsonb not null,
    event_id         text,
    event_type       text,
    reason           text not null,
    dead_lettered_at timestamptz not null default now(),
    replayed_at      timestamptz,
    unique (consumer, topic, kafka_partition, kafka_offset)
);

-- The outbox also carries records that are not platform events (dead letters): their value and
-- headers as received. A record without a key is allowed there.
alter table outbox_event add column raw_value bytea;
alter table outbox_event add column raw_headers jsonb;
alter table outbox_event alter column event_key drop not null;
alter table outbox_event alter column subject drop not null;
