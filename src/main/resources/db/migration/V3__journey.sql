-- The whole journey: turn order (R2), deadlines kept as absolute dates, cohort seats (R5),
-- confirmed dates (R10), staff as well as candidate mail, the onboarding hand-over.

-- R2: a second application waits for the first while the first is open.
alter table application add column waits_for uuid;
alter table application add column start_date date;
alter table application add column end_date date;

-- Every wait with a timer has its due date here, so it survives re-creation and retries.
create table application_deadline (
    application_id  uuid        not null references application (id),
    name            varchar(40) not null,
    due_at          timestamp with time zone not null,
    primary key (application_id, name)
);

-- R5: a seat is held while an offer is open, taken on confirmation, released otherwise.
create table cohort_seat (
    application_id  uuid        primary key references application (id),
    position_id     varchar(64) not null,
    start_date      date        not null,
    state           varchar(16) not null,
    updated_at      timestamp with time zone not null,
    foreign key (position_id, start_date) references position_cohort (position_id, start_date)
);

create index cohort_seat_by_cohort on cohort_seat (position_id, start_date, state);

alter table candidate_message add column recipient varchar(32) default 'CANDIDATE' not null;

-- R10: the hand-over a real onboarding system consumes (polled or pushed to a webhook).
create table onboarding_handover (
    application_id  uuid          primary key references application (id),
    payload         varchar(4000) not null,
    created_at      timestamp with time zone not null,
    delivered_at    timestamp with time zone
);
