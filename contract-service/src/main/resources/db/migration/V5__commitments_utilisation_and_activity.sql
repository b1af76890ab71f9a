-- A funding decision reserves (commits) one episode and its expected cost against its contract's caps
-- for the period; the episode is used when the course starts, released when the referral ends without it.
alter table funding_decision add column revision integer not null default 1 check (revision >= 1);
alter table funding_decision add column contract_version integer;
alter table funding_decision add column cost_pence bigint check (cost_pence >= 0);
alter table funding_decision add column period_start date;
alter table funding_decision add column period_end date;
alter table funding_decision add column commitment text not null default 'NONE'
    check (commitment in ('NONE', 'COMMITTED', 'USED', 'RELEASED'));
alter table funding_decision add column first_decided_at timestamptz;
update funding_decision set first_decided_at = decided_at;
alter table funding_decision alter column first_decided_at set not null;
alter table funding_decision add column revision_note text;
-- Demo decision history (never a real referral): no events, no caps, no re-evaluation.
alter table funding_decision add column synthetic boolean not null default false;
create index funding_decision_history on funding_decision (commissioner_icb, first_decided_at);

-- What a decision said before a re-evaluation revised it.
create table funding_decision_revision (
    referral_id      text    not null,
    route_number     integer not null,
    revision         integer not null,
    funded           boolean not null,
    contract_id      text,
    contract_version integer,
    contacts_funded  integer,
    reasons          text    not null,
    decided_at       timestamptz not null,
    note             text,
    primary key (referral_id, route_number, revision)
);

-- Where each referral is, as far as funding cares: its current route and how far it got.
create table referral_episode (
    referral_id      text primary key,
    commissioner_icb text,
    current_route    integer not null check (current_route >= 1),
    stage            text    not null check (stage in ('DECIDED', 'OFFERED', 'STARTED', 'ENDED', 'CLOSED')),
    updated_at       timestamptz not null
);
-- Referrals decided before lifecycle events were followed: funded ones keep their funding (as if
-- offered), the others wait for a contract that covers them.
insert into referral_episode (referral_id, commissioner_icb, current_route, stage, updated_at)
select distinct on (referral_id) referral_id, commissioner_icb, route_number,
       case when funded then 'OFFERED' else 'DECIDED' end, decided_at
from funding_decision
order by referral_id, route_number desc;
create index referral_episode_waiting on referral_episode (commissioner_icb) where stage = 'DECIDED';

-- Per contract and period: episodes and money committed (funded, not started) and used (started).
-- Changed only under this row's lock, so a cap is never exceeded.
create table contract_period_usage (
    contract_id        text    not null references contract (id) on delete cascade,
    period_start       date    not null,
    period_end         date    not null,
    episodes_committed integer not null default 0 check (episodes_committed >= 0),
    episodes_used      integer not null default 0 check (episodes_used >= 0),
    pence_committed    bigint  not null default 0 check (pence_committed >= 0),
    pence_used         bigint  not null default 0 check (pence_used >= 0),
    primary key (contract_id, period_start),
    check (period_end >= period_start)
);

-- Each threshold of each measure is announced once per contract and period.
create table utilisation_alert (
    contract_id       text    not null references contract (id) on delete cascade,
    period_start      date    not null,
    measure           text    not null check (measure in ('EPISODES', 'BUDGET')),
    threshold_percent integer not null,
    reached_at        timestamptz not null,
    primary key (contract_id, period_start, measure, threshold_percent)
);

-- What was delivered, for payment statements: a course started, completed, a responder at follow-up.
-- One of each kind per referral; stamped with the contract (and version) that funded it, if any.
create table episode_activity (
    referral_id      text    not null,
    kind             text    not null check (kind in ('STARTED', 'COMPLETED', 'RESPONDER')),
    course_id        text,
    occurred_on      date    not null,
    contract_id      text,
    contract_version integer,
    route_number     integer,
    provider_id      text,
    site_id          text,
    recorded_at      timestamptz not null,
    primary key (referral_id, kind)
);
create index episode_activity_statement on episode_activity (contract_id, occurred_on);
