package com.internhire.position;

import java.time.LocalDate;
import java.util.List;

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
}
