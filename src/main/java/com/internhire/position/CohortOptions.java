package com.internhire.position;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cohort start dates an offer may name for a candidate (inside their availability, R5),
 * as options for a form's select ({@code valuesKey: "cohortOptions"}).
 */
final class CohortOptions {

  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private CohortOptions() {}

  static List<Map<String, String>> of(Availability availability, Position position) {
    return CohortCalendar.startDatesWithin(availability, position.cohortStartDates()).stream()
        .map(start -> option(availability, position, start))
        .toList();
  }

  private static Map<String, String> option(Availability availability, Position position, LocalDate start) {
    Map<String, String> option = new LinkedHashMap<>();
    option.put(
        "label",
        LABEL.format(start) + " to " + LABEL.format(CohortCalendar.endDate(start, position.weeks()))
            + (CohortCalendar.covers(availability, start, position.weeks()) ? "" : " (beyond stated availability)"));
    option.put("value", start.toString());
    return option;
  }
}
