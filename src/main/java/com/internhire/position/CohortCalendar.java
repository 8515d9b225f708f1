package com.internhire.position;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The one place where cohort dates are computed (R5): an internship that starts on a
 * cohort date ends {@code weeks} weeks later, and a candidate fits a cohort when the
 * stated availability covers that whole window.
 */
public final class CohortCalendar {

  private CohortCalendar() {}

  /** End date of an internship: start + weeks (R5: 12 weeks by default). */
  public static LocalDate endDate(LocalDate start, int weeks) {
    return start.plusWeeks(weeks);
  }

  /** Whether the availability covers the whole window that starts on {@code cohortStart}. */
  public static boolean covers(Availability availability, LocalDate cohortStart, int weeks) {
    return availability != null
        && !availability.start().isAfter(cohortStart)
        && !availability.end().isBefore(endDate(cohortStart, weeks));
  }

  /** The cohort start dates whose whole window the availability covers, in date order. */
  public static List<LocalDate> fittingCohorts(
      Availability availability, List<LocalDate> cohortStarts, int weeks) {
    return cohortStarts.stream()
        .sorted()
        .filter(start -> covers(availability, start, weeks))
        .toList();
  }

  /**
   * The cohort start dates that lie inside the availability (R5: an offer names one of
   * them; the candidate confirms one of them), in date order.
   */
  public static List<LocalDate> startDatesWithin(Availability availability, List<LocalDate> cohortStarts) {
    if (availability == null) {
      return List.of();
    }
    return cohortStarts.stream()
        .sorted()
        .filter(start -> !start.isBefore(availability.start()) && !start.isAfter(availability.end()))
        .toList();
  }

  /** The earliest cohort the availability covers, if any. */
  public static Optional<LocalDate> firstFittingCohort(
      Availability availability, List<LocalDate> cohortStarts, int weeks) {
    return fittingCohorts(availability, cohortStarts, weeks).stream().findFirst();
  }
}
