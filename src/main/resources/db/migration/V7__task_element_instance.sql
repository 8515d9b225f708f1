-- The engine's element instance of each human task, so a re-created instance can be
-- modified (embedded restart recovery).
alter table user_task add column element_instance_key bigint;
