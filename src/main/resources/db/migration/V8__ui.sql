-- The web pages' inbox: a person claims an open task so colleagues see it is being worked on
-- (embedded engine and the project's own inbox; on a cluster, Tasklist keeps its own assignee).
alter table user_task add column assignee varchar(100);
alter table user_task add column claimed_at timestamp with time zone;

create index user_task_by_application on user_task (application_id, state);
