-- Indexes for the proximity search (see docs/site-directory.md, "Search"). Plain btrees, no extension:
-- a latitude/longitude box picks the candidate sites, the exact great-circle distance is computed for
-- those only, and their classes are reached through the site.
create index site_location on site (latitude, longitude) include (status, setting, provider_id);
create index cohort_site_status_start on cohort (site_id, status, start_date);
