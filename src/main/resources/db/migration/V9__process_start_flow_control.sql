-- The start outbox counts applications started and not yet screened before it starts more
-- (ProcessStarter flow control); this keeps that count off a table scan.
create index application_first_leg on application (status, process_start_claimed_until);
