package com.internhire.screening;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the {@code screening} decision returns (R6, R7): a recommendation only; a person
 * makes every rejection.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScreeningResult(
    boolean meetsMinimum, String minimumReason, int score, String recommendation, int priority) {}
