-- Runs once, when the compose PostgreSQL volume is first initialised.
-- One database per service, owned by a role of the same name, so no service can
-- read or change another's tables. Passwords equal the names: LOCAL DEMO ONLY.

create role pathways_site_directory login password 'pathways_site_directory';
create database pathways_site_directory owner pathways_site_directory;
revoke all on database pathways_site_directory from public;

create role pathways_referral login password 'pathways_referral';
create database pathways_referral owner pathways_referral;
revoke all on database pathways_referral from public;

create role pathways_contract login password 'pathways_contract';
create database pathways_contract owner pathways_contract;
revoke all on database pathways_contract from public;

create role pathways_outcomes login password 'pathways_outcomes';
create database pathways_outcomes owner pathways_outcomes;
revoke all on database pathways_outcomes from public;
