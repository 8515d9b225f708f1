package com.internhire.position;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** A candidate's stated availability, both dates inclusive (R4). */
public record Availability(@NotNull LocalDate start, @NotNull LocalDate end) {

  private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

  @JsonIgnore
  @AssertTrue(message = "end must not be before start")
  public boolean isOrdered() {
    return start == null || end == null || !end.isBefore(start);
  }

  @JsonIgnore
  @AssertTrue(message = "dates must lie between 2000-01-01 and 2099-12-31")
  public boolean isPlausible() {
    return (start == null || (!start.isBefore(EARLIEST) && !start.isAfter(LATEST)))
        && (end == null || (!end.isBefore(EARLIEST) && !end.isAfter(LATEST)));
  }
}
