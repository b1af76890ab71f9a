-- This service's copy of the directory's sites (pathways.sites.v1, compacted): whose residents each
-- site serves and whether their commissioners cover it. No patient data.
create table site (
    site_id     text primary key,
    provider_id text             not null,
    name        text             not null,
    postcode    text,
    latitude    double precision not null,
    longitude   double precision not null,
    programmes  text             not null,
    sessions    integer          not null,
    status      text             not null,
    updated_at  timestamptz      not null
);
create index site_provider on site (provider_id);
