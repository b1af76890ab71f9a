-- Outcomes: each course (one booking into one class), its register and its measures, all pseudonymous.

-- What the episode context and the FCP monthly report need from a referral. icb and pcn_code are the
-- referring practice's (platform-support GpPractices; the PCN is the service's demo grouping).
alter table referral_journey add column age_band text;
alter table referral_journey add column route_number integer;
alter table referral_journey add column icb text;
alter table referral_journey add column pcn_code text;
-- First time offered and booked: the monthly report follows each month's referrals through the funnel,
-- whatever their status is now.
alter table referral_journey add column first_offered_at timestamptz;
alter table referral_journey add column first_booked_at timestamptz;
create index referral_journey_icb_submitted on referral_journey (icb, submitted_at)
    include (site_id, provider_id, sessions);
create index referral_journey_submitted on referral_journey (submitted_at);

-- This service's copy of the directory's sites (pathways.sites.v1): the setting for episode contexts,
-- where each site is (its sub-ICB location and ICB, from the practice at its postcode), and the sites
-- the demo history runs classes at. No postcode is kept.
create table site_copy (
    site_id          text primary key,
    provider_id      text not null,
    provider_type    text,
    setting          text,
    status           text not null,
    sessions         integer not null,
    programmes       text not null,
    sub_icb_ods_code text,
    icb              text,
    updated_at       timestamptz not null
);

-- One row per course (an episode in ICS events), with its context copied in when it is first seen so
-- reports read one table. Dates are English calendar dates.
create table course (
    course_id         text primary key,
    referral_id       text not null,
    class_id          text,
    site_id           text,
    provider_id       text,
    setting           text,
    icb               text,
    practice_ods_code text,
    pcn_code          text,
    joint             text,
    age_band          text,
    patient_pseudonym text,
    referred_on       date,
    sessions_planned  integer,
    reduced           boolean not null default false,
    first_session_on  date,
    outcome           text,
    drop_out_reason   text,
    sessions_held     integer not null default 0,
    sessions_attended integer not null default 0,
    ended_on          date,
    -- Kept up to date as measures arrive, so data completeness is a column, not a join.
    baseline_and_end  boolean not null default false,
    updated_at        timestamptz not null,
    version           bigint not null default 0
);
-- A quarterly report reads one ICB's courses started, or ended, in a date range, and joins the ended
-- ones to their measures: every side is answered from an index alone (index-only scans).
create index course_icb_started on course (icb, first_session_on)
    include (site_id, provider_id, reduced, referred_on);
create index course_icb_ended on course (icb, ended_on)
    include (course_id, site_id, provider_id, reduced, outcome, baseline_and_end);
create index course_started on course (first_session_on);
create index course_ended on course (ended_on);
create index course_referral on course (referral_id);

-- The register: one row per session of a course. SESSION_CANCELLED: not held, counts against nobody.
create table course_session (
    course_id      text not null references course,
    session_number integer not null,
    session_on     date not null,
    attendance     text not null,
    recorded_at    timestamptz not null,
    primary key (course_id, session_number)
);

-- A measure per course, instrument and timepoint, with its analysis against the first-session baseline.
create table measure (
    course_id   text not null references course,
    instrument  text not null,
    timepoint   text not null,
    score       numeric(8, 3) not null,
    taken_on    date,
    baseline    numeric(8, 3),
    change      numeric(8, 3),
    mcid        numeric(8, 3) not null,
    responder   boolean,
    recorded_at timestamptz not null,
    -- The analysis rides in the key's index, so the report's join never visits the table.
    primary key (course_id, instrument, timepoint) include (change, responder)
);

-- The demo history is generated once: this row says it was (and a second run finds it and stops).
create table demo_history (
    id           integer primary key check (id = 1),
    generated_at timestamptz not null,
    courses      integer not null
);
