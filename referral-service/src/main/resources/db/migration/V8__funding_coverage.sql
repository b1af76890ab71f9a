-- This service's copy of which providers each commissioner's contracts cover (no prices), fed only by the
-- compacted pathways.funding-coverage.v1 topic: ranking puts the classes the person's commissioner would
-- fund first. Key "<icb>/<providerId or *>"; a tombstone removes the row.
create table funding_coverage (
    coverage_key     text primary key,
    commissioner_icb text not null,
    provider_id      text,
    -- JSON array of {validFrom, validTo, joints, maxContactsPerEpisode}, as the event carries it.
    periods          text not null,
    updated_at       timestamptz not null
);
create index funding_coverage_icb on funding_coverage (commissioner_icb);
