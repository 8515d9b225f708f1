package com.internhire.position;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CohortCalendarTest {

  private static final List<LocalDate> COHORTS =
      List.of(
          LocalDate.of(2026, 5, 11),
          LocalDate.of(2026, 5, 18),
          LocalDate.of(2026, 5, 26),
          LocalDate.of(2026, 6, 8),
          LocalDate.of(2026, 6, 22));

  @ParameterizedTest(name = "{0} + 12 weeks = {1}")
  @CsvSource({
    "2026-05-11, 2026-08-03",
    "2026-05-18, 2026-08-10",
    "2026-05-26, 2026-08-18",
    "2026-06-08, 2026-08-31",
    "2026-06-22, 2026-09-14"
  })
  void twelveWeekEndDates(LocalDate start, LocalDate end) {
    assertThat(CohortCalendar.endDate(start, 12)).isEqualTo(end);
  }

  @Test
  void availabilityExactlyCoveringAWindowFits() {
    var availability = new Availability(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 8, 3));
    assertThat(CohortCalendar.fittingCohorts(availability, COHORTS, 12)).containsExactly(LocalDate.of(2026, 5, 11));
  }

  @Test
  void availabilityOneDayShortDoesNotFit() {
    var availability = new Availability(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 8, 2));
    assertThat(CohortCalendar.fittingCohorts(availability, COHORTS, 12)).isEmpty();
    assertThat(CohortCalendar.firstFittingCohort(availability, COHORTS, 12)).isEmpty();
  }

  @Test
  void availabilityStartingOneDayLateMissesThatCohort() {
    var availability = new Availability(LocalDate.of(2026, 5, 12), LocalDate.of(2026, 8, 10));
    assertThat(CohortCalendar.fittingCohorts(availability, COHORTS, 12)).containsExactly(LocalDate.of(2026, 5, 18));
  }

  @Test
  void availabilitySpanningTwoWindowsFitsBothInDateOrder() {
    var availability = new Availability(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 8, 10));
    assertThat(CohortCalendar.fittingCohorts(availability, COHORTS.reversed(), 12))
        .containsExactly(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 18));
    assertThat(CohortCalendar.firstFittingCohort(availability, COHORTS, 12)).contains(LocalDate.of(2026, 5, 11));
  }

  @Test
  void wholeSummerFitsEveryCohort() {
    var availability = new Availability(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 9, 30));
    assertThat(CohortCalendar.fittingCohorts(availability, COHORTS, 12)).isEqualTo(COHORTS);
  }

  @Test
  void noAvailabilityFitsNothing() {
    assertThat(CohortCalendar.fittingCohorts(null, COHORTS, 12)).isEmpty();
  }
}
