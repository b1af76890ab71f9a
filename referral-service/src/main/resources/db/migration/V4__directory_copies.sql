-- The copies of the site directory's sites and classes are named for what they are, not for how they
-- used to be read.
alter table site_view rename to directory_site;
alter index site_view_location rename to directory_site_location;
alter table class_view rename to directory_class;
alter index class_view_site rename to directory_class_site;
