-- Every event carries its aggregate's sequence number (CloudEvent extension "sequence": 1, 2, 3... per
-- topic and key), so any consumer can check it sees one aggregate's events in order and complete.
-- The counter row is locked by the transaction that takes a number, so numbers follow commit order.
create table outbox_aggregate_sequence (
    topic         text not null,
    event_key     text not null,
    last_sequence bigint not null,
    primary key (topic, event_key)
);
alter table outbox_event add column aggregate_sequence bigint;
