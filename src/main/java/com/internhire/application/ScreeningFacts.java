package com.internhire.application;

import java.util.List;
import java.util.Map;

/**
 * The non-personal facts screening decides on (R6, R7, R5 cohort fit). They go to the
 * DMN decision as its inputs and into the audit trail; never into process variables.
 */
public record ScreeningFacts(
    boolean enrolled,
    String educationLevel,
    String fieldOfStudy,
    List<Map<String, Object>> experience,
    List<String> skills,
    String englishLevel,
    boolean cohortFit) {

  public Map<String, Object> asDecisionInputs() {
    return Map.of(
        "enrolled", enrolled,
        "educationLevel", educationLevel,
        "fieldOfStudy", fieldOfStudy,
        "experience", experience,
        "skills", skills,
        "englishLevel", englishLevel,
        "cohortFit", cohortFit);
  }
}
