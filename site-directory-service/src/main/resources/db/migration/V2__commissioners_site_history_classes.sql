-- Commissioners, the history of every site's status, and the classes (cohorts) run at sites.

-- Integrated Care Boards and their sub-ICB locations (the former CCGs). Reference data: loaded from
-- platform-support's reference-data/icbs.csv and sub_icb_locations.csv at every start (upsert).
create table icb (
    ods_code        text primary key,
    ons_code        text not null,
    name            text not null,
    region_ods_code text not null,
    region_name     text not null
);

create table sub_icb_location (
    ods_code     text primary key,
    ons_code     text not null,
    name         text not null,
    icb_ods_code text not null references icb (ods_code)
);
create index sub_icb_location_icb on sub_icb_location (icb_ods_code);

-- The sub-ICB location a site lies in (from the GP practices of its postcode district), so sites can
-- be counted per commissioner. Not a foreign key: reference data is loaded after migrations run.
alter table site add column sub_icb_ods_code text;
alter table site add column created_at timestamptz not null default now();

-- Every status a site has had, from the date it took effect: how many sites that ever delivered are
-- still delivering is answered from here, never from the current status alone.
create table site_status_change (
    id           bigserial primary key,
    site_id      text not null references site (id),
    status       text not null check (status in ('ONBOARDING', 'ACTIVE', 'PAUSED', 'CEASED')),
    effective_on date not null,
    recorded_at  timestamptz not null default now(),
    recorded_by  text
);
create index site_status_change_site on site_status_change (site_id, effective_on, id);

insert into site_status_change (site_id, status, effective_on, recorded_at, recorded_by)
select id, status, status_changed_on, updated_at, 'migration' from site;

-- A class: one cohort of an ESCAPE-pain course at a site, meeting on fixed weekdays at a fixed time.
create table cohort (
    id               text primary key,
    site_id          text not null references site (id),
    -- joints the course covers, e.g. KNEE,HIP (always a subset of the site's programmes)
    programmes       text not null,
    start_date       date not null,
    -- date of the last session, derived from start date, days and sessions
    end_date         date not null,
    -- weekdays the class meets: bit (d - 1) for ISO day d, Monday = 1 ... Sunday = 64
    day_mask         smallint not null check (day_mask between 1 and 127),
    start_time       time not null,
    duration_minutes integer not null check (duration_minutes between 30 and 120),
    -- 12 is the standard course; fewer is a reduced variant, recorded as such
    sessions         integer not null check (sessions between 4 and 12),
    capacity         integer not null check (capacity between 4 and 20),
    -- kept current from referral.booked events; may exceed capacity if a booking raced a change
    places_taken     integer not null default 0 check (places_taken >= 0),
    facilitator_type text not null check (facilitator_type in ('PHYSIOTHERAPIST', 'THERAPY_ASSISTANT',
                                                               'FITNESS_INSTRUCTOR')),
    status           text not null check (status in ('SCHEDULED', 'RUNNING', 'COMPLETED', 'CANCELLED')),
    version          bigint not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check (end_date >= start_date)
);
