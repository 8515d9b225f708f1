-- Which process version each application's instance runs on, for migrations between versions.
alter table application add column process_definition_key bigint;
create index application_by_definition on application (process_definition_key);
