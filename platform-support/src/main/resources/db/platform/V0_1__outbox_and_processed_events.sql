-- Shared by every service (Flyway location db/platform). Service migrations start at V1.

-- Transactional outbox: written in the same transaction as the state change it announces,
-- relayed to Kafka afterwards in seq order.
create table outbox_event (
    id           uuid primary key,
    seq          bigserial not null unique,
    topic        text not null,
    event_key    text not null,
    type         text not null,
    subject      text not null,
    data_schema  text not null,
    occurred_at  timestamptz not null,
    payload      jsonb not null,
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

-- Processed-event log: a consumer records each event id in the transaction of its effect,
-- so a redelivered event is recognised and skipped.
create table processed_event (
    event_id     text not null,
    consumer     text not null,
    event_type   text not null,
    processed_at timestamptz not null default now(),
    primary key (event_id, consumer)
);
