-- Scheduled jobs whose work must happen once across replicas take a lock here
-- (com.internhire.platform.SchedulerLocks; the columns are those ShedLock's JDBC provider reads).
-- Plain timestamps: only the provider writes and compares them, from the database's own clock.
create table shedlock (
  name       varchar(64)  not null primary key,
  lock_until timestamp    not null,
  locked_at  timestamp    not null,
  locked_by  varchar(255) not null
);
