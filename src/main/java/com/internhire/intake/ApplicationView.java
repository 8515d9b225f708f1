package com.internhire.intake;

import com.internhire.application.ApplicationStatus;
import com.internhire.application.StoredApplication;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What {@code GET /api/applications/{id}} shows: the stage in plain words, no scores or notes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApplicationView(
    UUID applicationId,
    String positionId,
    ApplicationStatus status,
    String stage,
    Instant submittedAt,
    Instant closedAt,
    LocalDate startDate,
    LocalDate endDate,
    String candidateToken) {

  static ApplicationView of(StoredApplication application) {
    return of(application, null);
  }

  static ApplicationView of(StoredApplication application, String candidateToken) {
    return new ApplicationView(
        application.id(),
        application.positionId(),
        application.status(),
        application.status().plainWords(),
        application.submittedAt(),
        application.closedAt(),
        application.startDate(),
        application.endDate(),
        candidateToken);
  }
}
