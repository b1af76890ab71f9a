-- The provider's side of the lifecycle: accept or decline an offered referral, then book the person
-- into a class.
alter table referral drop constraint referral_status_check;
alter table referral add constraint referral_status_check
    check (status in ('SUBMITTED', 'OFFERED', 'NEEDS_ATTENTION', 'ACCEPTED', 'DECLINED', 'BOOKED'));
alter table referral add column class_id text;
alter table referral add column booked_at timestamptz;

-- This service's copy of the directory's classes, fed only by the classes topic: what booking checks.
create table class_view (
    class_id         text primary key,
    site_id          text not null,
    provider_id      text not null,
    programmes       text not null,
    start_date       date not null,
    days             text not null,
    start_time       time not null,
    sessions         integer not null,
    capacity         integer not null,
    places_taken     integer not null,
    facilitator_type text not null,
    status           text not null,
    updated_at       timestamptz not null
);
create index class_view_site on class_view (site_id);

-- Who read or changed a referral's patient data, from which organisation, and when. Append-only:
-- the trigger refuses updates and deletes even from the owning role.
create table audit_event (
    id           bigserial primary key,
    occurred_at  timestamptz not null default now(),
    actor        text not null,
    actor_role   text not null,
    organisation text,
    action       text not null check (action in ('CREATE', 'READ', 'LIST', 'UPDATE')),
    referral_id  uuid not null,
    detail       text
);
create index audit_event_referral on audit_event (referral_id, occurred_at);
create index audit_event_actor on audit_event (actor, occurred_at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
