-- The referral lifecycle: intake by SNOMED CT reason and the person's preferences, ranking of classes
-- (not sites), route-numbered funding decisions, declines and re-routes, booking requests answered by
-- the site directory, cancellation and withdrawal, and a timeline of every change.

alter table referral drop constraint referral_status_check;
alter table referral add constraint referral_status_check
    check (status in ('SUBMITTED', 'OFFERED', 'NEEDS_ATTENTION', 'ACCEPTED', 'DECLINED', 'BOOKING_REQUESTED',
                      'BOOKED', 'BOOKING_CANCELLED', 'WITHDRAWN'));

-- Why the person was referred, as a SNOMED CT concept (null only for referrals made before it was asked).
alter table referral add column reason_system text;
alter table referral add column reason_code text;

-- The person's preferences: settings accepted (null: any), when they can attend
-- ("TUESDAY 09:00-12:00,THURSDAY 13:00-17:00"; null: any time), how far they will travel (null: the
-- configured default), and what the site must offer (null: nothing in particular).
alter table referral add column preferred_settings text;
alter table referral add column availability text;
alter table referral add column max_travel_metres integer;
alter table referral add column needs text;

-- The FCP meant a second open referral for the same person and joint.
alter table referral add column duplicate_intended boolean not null default false;

-- Routing: the proposal in force (route 1, then one per re-route), the class proposed, the automatic
-- re-routes since the FCP last routed it, and the coded reason of the status.
alter table referral add column route_number integer not null default 1;
alter table referral add column reroutes integer not null default 0;
alter table referral add column routed_class_id text;
alter table referral add column class_start_date date;
alter table referral add column status_reason_code text;

-- The offer: when it was made and the last English date the provider may answer it on.
alter table referral add column offered_at timestamptz;
alter table referral add column answer_due date;

-- Booking requests: the number of the request in flight (answers name it) and the class asked for first.
alter table referral add column booking_request_number integer not null default 0;
alter table referral add column requested_class_id text;

-- One open referral per person and joint, unless the FCP said a second one is meant. The service checks
-- first (to answer 409 with the right words); this index settles a race.
create unique index referral_open_per_person on referral (nhs_number, joint)
    where status <> 'WITHDRAWN' and not duplicate_intended;
create index referral_person on referral (nhs_number, joint);
-- The no-answer check reads offers past their due date.
create index referral_answer_due on referral (answer_due) where status = 'OFFERED';

-- The ranking behind the current route: the class chosen (rank 1) and the next alternatives, each with
-- why it ranks where it does. Replaced whenever the referral is ranked again.
create table referral_candidate (
    id              bigserial primary key,
    referral_id     uuid not null references referral (id),
    rank            integer not null,
    class_id        text not null,
    site_id         text not null,
    site_name       text not null,
    provider_id     text not null,
    provider_name   text not null,
    start_date      date not null,
    days            text not null,
    start_time      time not null,
    sessions        integer not null,
    distance_metres bigint not null,
    funded          boolean not null,
    preferences_met text not null,
    ranked_at       timestamptz not null,
    unique (referral_id, rank)
);

-- Every status change of a referral: when, who (role and organisation), the coded reason, and the
-- class of a route. Written in the transaction of the change; append-only like the audit log. The note
-- is the provider's or referrer's own words (shown to both, never put in an event).
create table referral_timeline (
    id                  bigserial primary key,
    referral_id         uuid not null references referral (id),
    occurred_at         timestamptz not null,
    from_status         text,
    to_status           text not null,
    reason_code         text,
    reason              text,
    note                text,
    actor_role          text not null,
    actor_organisation  text,
    provider_id         text,
    class_id            text,
    route_number        integer not null
);
create index referral_timeline_referral on referral_timeline (referral_id, id);
create index referral_timeline_routes on referral_timeline (referral_id, class_id) where to_status = 'SUBMITTED';

create function referral_timeline_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'referral_timeline is append-only';
end $$;
create trigger referral_timeline_append_only before update or delete on referral_timeline
    for each row execute function referral_timeline_is_append_only();
create trigger referral_timeline_no_truncate before truncate on referral_timeline
    for each statement execute function referral_timeline_is_append_only();
