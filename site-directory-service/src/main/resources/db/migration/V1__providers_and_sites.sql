-- Organisations that deliver ESCAPE-pain, and the sites where they deliver it.

create table provider (
    id         text primary key,
    name       text not null,
    type       text not null check (type in ('NHS_TRUST', 'LEISURE_OPERATOR', 'LOCAL_AUTHORITY',
                                             'THIRD_SECTOR', 'NHS_OCCUPATIONAL_HEALTH')),
    created_at timestamptz not null default now()
);

create table site (
    id                text primary key,
    provider_id       text not null references provider (id),
    name              text not null,
    address           text,
    postcode          text not null,
    latitude          double precision not null,
    longitude         double precision not null,
    setting           text not null check (setting in ('PHYSIOTHERAPY_DEPARTMENT', 'LEISURE_CENTRE',
                                                       'COMMUNITY_CENTRE', 'WORKPLACE')),
    accessibility     text,
    -- joints the programme covers here, e.g. KNEE,HIP
    programmes        text not null,
    -- 12 is the standard course; fewer is a reduced variant, recorded as such
    sessions          integer not null check (sessions between 1 and 24),
    status            text not null check (status in ('ONBOARDING', 'ACTIVE', 'PAUSED', 'CEASED')),
    status_changed_on date not null,
    version           bigint not null default 0,
    updated_at        timestamptz not null default now()
);
create index site_provider on site (provider_id);
create index site_status on site (status);
