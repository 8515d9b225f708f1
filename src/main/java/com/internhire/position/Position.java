package com.internhire.position;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An open posting: its cohort start dates, internship length and headcount. */
public record Position(
    String id,
    String title,
    int weeks,
    int headcount,
    int interviewers,
    String status,
    List<Cohort> cohorts) {

  public record Cohort(LocalDate startDate, LocalDate endDate, Integer capacity) {}

  public List<LocalDate> cohortStartDates() {
    return cohorts.stream().map(Cohort::startDate).toList();
  }

  /** R5: whether the availability covers the whole window of one of the cohorts. */
  public boolean fits(Availability availability) {
    return CohortCalendar.firstFittingCohort(availability, cohortStartDates(), weeks).isPresent();
  }

  /**
   * The cohort start dates an offer may name for this availability (none without one), as a
   * form's select options ({@link CohortOptions}).
   */
  public List<Map<String, String>> cohortOptions(Availability availability) {
    return CohortOptions.of(availability, this);
  }
}
