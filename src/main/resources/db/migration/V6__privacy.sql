-- R8: erasure keeps the rows (and the audit trail) but not the person: the candidate's id is
-- the pseudonym left behind.
alter table candidate add column erased_at timestamp with time zone;
