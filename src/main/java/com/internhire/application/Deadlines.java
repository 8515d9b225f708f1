package com.internhire.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The absolute due dates of an application's waits (R4, R10), created once and kept, so a
 * retried job or a re-created instance keeps the same date (R12, restarts).
 */
@Component
public class Deadlines {

  private final JdbcClient jdbc;
  private final Clock clock;

  Deadlines(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** The due date of a named wait, created now from {@code duration} unless it exists. */
  Instant due(UUID id, String name, Duration duration) {
    Optional<Instant> existing = find(id, name);
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant due = clock.instant().plus(duration).truncatedTo(ChronoUnit.SECONDS);
    jdbc.sql("insert into application_deadline (application_id, name, due_at) values (:id, :name, :due)")
        .param("id", id)
        .param("name", name)
        .param("due", due.atOffset(ZoneOffset.UTC))
        .update();
    return due;
  }

  public Optional<Instant> find(UUID id, String name) {
    return jdbc.sql("select due_at from application_deadline where application_id = :id and name = :name")
        .param("id", id)
        .param("name", name)
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
        .optional();
  }
}
