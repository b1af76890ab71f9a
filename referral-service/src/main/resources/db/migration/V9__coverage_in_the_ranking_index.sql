-- Ranking keeps the commissioners' coverage in each replica's in-memory index too, brought up to date the
-- same way as the directory copies: the transaction that last wrote each row, and a note of removals.
alter table funding_coverage add column changed_xid xid8 not null default pg_current_xact_id();
create trigger funding_coverage_changed before insert or update on funding_coverage
    for each row execute function directory_copy_changed();
create index funding_coverage_changed_xid on funding_coverage (changed_xid);

-- directory_removal now notes the removal of any copy ranking reads, coverage included.
alter table directory_removal drop constraint directory_removal_kind_check;
alter table directory_removal add constraint directory_removal_kind_check
    check (kind in ('SITE', 'CLASS', 'COVERAGE'));

-- Readers of changed_xid keep the xmax and in-progress list of their last snapshot (not its xmin, which one
-- long transaction anywhere in the cluster holds back): see CandidateIndex.
