package com.internhire.application;

import com.internhire.position.Availability;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An application as the database holds it, without the candidate's personal data. */
public record StoredApplication(
    UUID id,
    UUID candidateId,
    String positionId,
    int slot,
    ApplicationStatus status,
    LocalDate availabilityStart,
    LocalDate availabilityEnd,
    boolean cohortFit,
    Long processInstanceKey,
    String candidateTokenHash,
    Instant submittedAt,
    Instant closedAt,
    UUID waitsFor,
    LocalDate startDate,
    LocalDate endDate) {

  public boolean concluded() {
    return closedAt != null;
  }

  /** The stated availability (R4); null while none is stated. */
  public Availability availability() {
    return availabilityStart == null ? null : new Availability(availabilityStart, availabilityEnd);
  }
}
