package com.internhire.position;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /api/positions}. */
record NewPosition(
    @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes")
        String id,
    @NotBlank @Size(max = 200) String title,
    @NotEmpty @Size(max = 20) List<@NotNull LocalDate> cohortStartDates,
    @NotNull @Min(1) @Max(52) Integer weeks,
    @NotNull @Min(1) @Max(100000) Integer headcount,
    @Min(1) @Max(10) Integer interviewers) {

  int interviewersOrDefault() {
    return interviewers == null ? 2 : interviewers;
  }
}
