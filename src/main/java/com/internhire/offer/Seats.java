package com.internhire.offer;

import com.internhire.audit.AuditAction;
import com.internhire.audit.AuditTrail;
import java.time.Clock;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cohort seats (R5): held while an offer is open, taken when the start date is confirmed,
 * released when the offer is declined, expires or is withdrawn. A cohort's capacity is
 * checked under a lock on the cohort row, so two offers cannot take its last seat. Every
 * operation is idempotent per application (R12).
 */
@Component
public class Seats {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditTrail audit;

  Seats(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** A seat and its state. */
  public record Seat(String positionId, LocalDate startDate, String state) {}

  public Optional<Seat> of(UUID applicationId) {
    return jdbc.sql("select position_id, start_date, state from cohort_seat where application_id = :id")
        .param("id", applicationId)
        .query((rs, n) -> new Seat(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)))
        .optional();
  }

  /** Holds a seat in the cohort for this application; false if the cohort is full. Call in a transaction. */
  public boolean hold(UUID applicationId, String positionId, LocalDate startDate) {
    Optional<Seat> current = of(applicationId);
    if (current.isPresent()
        && current.get().startDate().equals(startDate)
        && !current.get().state().equals("RELEASED")) {
      return true; // held (or taken) before: a repeated job
    }
    if (!hasRoom(positionId, startDate, applicationId)) {
      return false;
    }
    upsert(applicationId, positionId, startDate, "HELD");
    audit.record(applicationId, "system:seats", AuditAction.SEAT_HELD, Map.of("positionId", positionId, "startDate", startDate.toString()));
    return true;
  }

  /** Whether the cohort has a free seat for this application (locks the cohort row). */
  public boolean hasRoom(String positionId, LocalDate startDate, UUID applicationId) {
    // A cohort without a capacity (null) has room for everyone.
    Integer capacity =
        jdbc.sql(
                "select capacity from position_cohort where position_id = :p and start_date = :d for update")
            .param("p", positionId)
            .param("d", Date.valueOf(startDate))
            .query((rs, n) -> Optional.ofNullable((Integer) rs.getObject(1)))
            .optional()
            .orElseThrow(() -> new IllegalArgumentException(startDate + " is not a cohort start date of " + positionId))
            .orElse(null);
    if (capacity == null) {
      return true;
    }
    int used =
        jdbc.sql(
                """
                select count(*) from cohort_seat
                 where position_id = :p and start_date = :d and state in ('HELD', 'TAKEN') and application_id <> :a
                """)
            .param("p", positionId)
            .param("d", Date.valueOf(startDate))
            .param("a", applicationId)
            .query(Integer.class)
            .single();
    return used < capacity;
  }

  /** Releases a held seat; a taken seat stays taken. True if a seat was released now. */
  public boolean release(UUID applicationId, String reason) {
    boolean released =
        jdbc.sql("update cohort_seat set state = 'RELEASED', updated_at = :now where application_id = :id and state = 'HELD'")
                .param("id", applicationId)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update()
            == 1;
    if (released) {
      audit.record(applicationId, "system:seats", AuditAction.SEAT_RELEASED, Map.of("reason", reason));
    }
    return released;
  }

  /**
   * Takes the application's seat in the confirmed cohort, moving it there if the candidate
   * confirmed another cohort date. Call in a transaction.
   */
  public void take(UUID applicationId, String positionId, LocalDate startDate) {
    Seat seat = of(applicationId).orElseThrow(() -> new IllegalStateException("No seat is held for " + applicationId));
    if (seat.state().equals("TAKEN") && seat.startDate().equals(startDate)) {
      return;
    }
    if (!seat.startDate().equals(startDate) && !hasRoom(positionId, startDate, applicationId)) {
      throw new IllegalStateException("The cohort starting " + startDate + " has no free seat");
    }
    upsert(applicationId, positionId, startDate, "TAKEN");
    audit.record(applicationId, "system:seats", AuditAction.SEAT_TAKEN, Map.of("positionId", positionId, "startDate", startDate.toString()));
  }

  private void upsert(UUID applicationId, String positionId, LocalDate startDate, String state) {
    String update =
        "update cohort_seat set position_id = :p, start_date = :d, state = :s, updated_at = :now where application_id = :a";
    String insert =
        "insert into cohort_seat (application_id, position_id, start_date, state, updated_at) values (:a, :p, :d, :s, :now)";
    if (write(update, applicationId, positionId, startDate, state) == 0) {
      write(insert, applicationId, positionId, startDate, state);
    }
  }

  private int write(String statement, UUID applicationId, String positionId, LocalDate startDate, String state) {
    return jdbc.sql(statement)
        .param("a", applicationId)
        .param("p", positionId)
        .param("d", Date.valueOf(startDate))
        .param("s", state)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }
}
