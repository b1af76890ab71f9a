-- The course's statuses, which the register moves a referral to.
alter table referral drop constraint referral_status_check;
alter table referral add constraint referral_status_check
    check (status in ('SUBMITTED', 'OFFERED', 'NEEDS_ATTENTION', 'ACCEPTED', 'DECLINED', 'BOOKING_REQUESTED',
                      'BOOKED', 'BOOKING_CANCELLED', 'WITHDRAWN',
                      'IN_PROGRESS', 'COMPLETED', 'DROPPED_OUT', 'DID_NOT_ATTEND'));

-- The attendance register: a course is one booking into one class (a re-booking after a cancelled
-- booking starts a new course, with a new id); its session records and measures hang off it.
create table course (
    course_id              text primary key,
    referral_id            uuid not null references referral (id),
    -- the booking the course belongs to: one course per booking
    booking_request_number integer not null,
    class_id               text not null,
    site_id                text,
    provider_id            text not null,
    sessions_planned       integer not null,
    reduced                boolean not null,
    started_on             date,
    outcome                text check (outcome in ('COMPLETED', 'DROPPED_OUT', 'DID_NOT_ATTEND')),
    drop_out_reason        text,
    -- the provider's own words about a drop-out: kept here, never sent in an event
    drop_out_note          text,
    sessions_held          integer,
    sessions_attended      integer,
    ended_on               date,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    unique (referral_id, booking_request_number)
);
create index course_class on course (class_id);

-- One row per person and session: recorded once (the same answer again changes nothing).
create table course_session (
    id             bigserial primary key,
    course_id      text not null references course (course_id),
    session_number integer not null check (session_number >= 1),
    session_on     date not null,
    attendance     text not null check (attendance in ('ATTENDED', 'ABSENT', 'ABSENT_WITH_NOTICE', 'SESSION_CANCELLED')),
    recorded_at    timestamptz not null,
    recorded_by    text not null,
    unique (course_id, session_number)
);

-- One score per course, instrument and timepoint.
create table course_measure (
    id          bigserial primary key,
    course_id   text not null references course (course_id),
    instrument  text not null,
    timepoint   text not null check (timepoint in ('FIRST_SESSION', 'LAST_SESSION', 'FOLLOW_UP')),
    score       numeric not null,
    taken_on    date not null,
    recorded_at timestamptz not null,
    recorded_by text not null,
    unique (course_id, instrument, timepoint)
);

-- Sessions a provider cancelled for a whole class: a course begun in the class later still sees them.
create table class_session_cancellation (
    class_id       text not null,
    session_number integer not null check (session_number >= 1),
    session_on     date not null,
    cancelled_at   timestamptz not null,
    cancelled_by   text not null,
    primary key (class_id, session_number)
);
