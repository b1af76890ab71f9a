-- A deletion on a compacted topic is a record with a key and no value (a tombstone).
alter table outbox_event add column tombstone boolean not null default false;
alter table outbox_event alter column payload drop not null;
alter table outbox_event alter column data_schema drop not null;
