-- One owner per fact: screening's outcome and the answers people give on human tasks get
-- tables of their own (modules screening and inbox); the audit trail keeps recording them for
-- auditors but is no longer read back as data.
create table screening_result (
    application_id   uuid         primary key references application (id),
    decision_id      varchar(100) not null,
    decision_version varchar(40),
    meets_minimum    boolean      not null,
    minimum_reason   varchar(200),
    score            integer      not null,
    recommendation   varchar(16)  not null,
    priority         integer      not null,
    review_due_at    timestamp with time zone not null,
    screened_at      timestamp with time zone not null
);

-- Outcomes recorded before this version kept score, recommendation and priority on the
-- application row; the rest was only in the audit trail, which V11 (a Java migration) reads
-- once to fill in the decision's version, meetsMinimum and its reason.
insert into screening_result (application_id, decision_id, meets_minimum, score, recommendation, priority,
                              review_due_at, screened_at)
select id, 'screening', screening_recommendation <> 'REJECT', screening_score, screening_recommendation,
       screening_priority, review_due_at, updated_at
  from application where screening_priority is not null;

alter table application drop column screening_priority;
alter table application drop column screening_score;
alter table application drop column screening_recommendation;
alter table application drop column review_due_at;

-- What a person answered on a completed human task: the form's validated fields, kept for the
-- task forms that show earlier answers (scorecards for the decision) and for recovery.
create table task_answer (
    task_key        bigint       not null,
    application_id  uuid         not null references application (id),
    element_id      varchar(100) not null,
    form_id         varchar(100),
    answers         varchar(20000) not null,
    answered_by     varchar(100) not null,
    answered_at     timestamp with time zone not null,
    primary key (application_id, task_key)
);
