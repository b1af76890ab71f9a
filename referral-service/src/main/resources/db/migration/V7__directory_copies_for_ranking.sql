-- Ranking reads more of the directory: what each site offers people who need it, and how long each
-- session of a class lasts.
alter table directory_site add column accessibility text not null default '';
alter table directory_class add column duration_minutes integer not null default 60;

-- Each replica ranks from an in-memory index of the copies, brought up to date before every ranking with
-- the rows changed since it last looked. A row records the transaction that last wrote it; a reader that
-- keeps the oldest transaction still running when it last read (pg_snapshot_xmin) and reads every row
-- written by that transaction or a later one misses nothing, whatever order transactions commit in.
alter table directory_site add column changed_xid xid8 not null default pg_current_xact_id();
alter table directory_class add column changed_xid xid8 not null default pg_current_xact_id();

create function directory_copy_changed() returns trigger language plpgsql as $$
begin
    new.changed_xid := pg_current_xact_id();
    return new;
end $$;
create trigger directory_site_changed before insert or update on directory_site
    for each row execute function directory_copy_changed();
create trigger directory_class_changed before insert or update on directory_class
    for each row execute function directory_copy_changed();
create index directory_site_changed_xid on directory_site (changed_xid);
create index directory_class_changed_xid on directory_class (changed_xid);

-- Copies removed by a tombstone, so the indexes forget them too.
create table directory_removal (
    id          bigserial primary key,
    kind        text not null check (kind in ('SITE', 'CLASS')),
    copy_id     text not null,
    changed_xid xid8 not null default pg_current_xact_id()
);
create index directory_removal_changed_xid on directory_removal (changed_xid);
