package com.internhire.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one contract between the service and its models' variables: their names and the typed
 * values the service hands in. Ids and non-personal facts only, never a name, address or free
 * text (R8). The start outbox, the workers, the task forms and the embedded engine's recovery
 * all build variables from here, so a renamed variable is one change.
 */
public final class ProcessVariables {

  /** The main model's process id. */
  public static final String PROCESS_ID = "internship-application";

  public static final String APPLICATION_ID = "applicationId";
  public static final String POSITION_ID = "positionId";
  public static final String AVAILABILITY_STATED = "availabilityStated";
  public static final String WAITS_FOR_TURN = "waitsForTurn";
  public static final String INTERVIEW_COUNT = "interviewCount";
  public static final String SCREENING = "screening";
  public static final String REVIEW_DUE_AT = "reviewDueAt";
  /** The cohort start dates inside the availability, as a form's select options ({@code valuesKey}). */
  public static final String COHORT_OPTIONS = "cohortOptions";
  public static final String SCORECARDS = "scorecards";
  public static final String PROPOSED_START_DATE = "proposedStartDate";
  public static final String SEAT_HELD = "seatHeld";
  public static final String OFFER_START_DATE = "offerStartDate";
  public static final String OFFER_END_DATE = "offerEndDate";
  public static final String OFFER_ACCEPTED = "offerAccepted";
  public static final String CONFIRMED_START_DATE = "confirmedStartDate";
  public static final String FIRST_APPLICATION_HIRED = "firstApplicationHired";

  private ProcessVariables() {}

  /** What every instance starts with. */
  public record Start(
      UUID applicationId, String positionId, boolean availabilityStated, boolean waitsForTurn, int interviewCount) {

    public Map<String, Object> asMap() {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put(APPLICATION_ID, applicationId.toString());
      variables.put(POSITION_ID, positionId);
      variables.put(AVAILABILITY_STATED, availabilityStated);
      variables.put(WAITS_FOR_TURN, waitsForTurn);
      variables.put(INTERVIEW_COUNT, interviewCount);
      return variables;
    }
  }

  /**
   * The {@code screening} decision's result (R6, R7): a recommendation and the review's
   * priority; a person makes every rejection.
   */
  public record Screening(boolean meetsMinimum, String minimumReason, int score, String recommendation, int priority) {}

  /** What the screening job hands back: its result, the review's due date (R3) and the cohort options. */
  public record Screened(Screening screening, Instant reviewDueAt, List<Map<String, String>> cohortOptions) {

    public Map<String, Object> asMap() {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put(SCREENING, screening);
      variables.put(REVIEW_DUE_AT, reviewDueAt.toString());
      variables.put(COHORT_OPTIONS, cohortOptions);
      return variables;
    }
  }

  /**
   * One interviewer's scorecard as the interview task's output element builds it; free text
   * (comments) stays on the task.
   */
  public record Scorecard(
      int interviewNumber,
      Object analytics,
      Object technical,
      Object communication,
      Object problemSolving,
      Object recommendation) {

    public static Scorecard of(int interviewNumber, Map<String, ?> answers) {
      return new Scorecard(
          interviewNumber,
          answers.get("analytics"),
          answers.get("technical"),
          answers.get("communication"),
          answers.get("problemSolving"),
          answers.get("recommendation"));
    }
  }

  /** What the hold-seat job hands back: whether a seat is held and the offer's dates (R5). */
  public record HeldSeat(boolean seatHeld, LocalDate offerStartDate, LocalDate offerEndDate) {

    public Map<String, Object> asMap() {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put(SEAT_HELD, seatHeld);
      variables.put(OFFER_START_DATE, offerStartDate.toString());
      variables.put(OFFER_END_DATE, offerEndDate.toString());
      return variables;
    }
  }

  /**
   * The models' convention for waits with a due date: an element's {@code deadline} header
   * names the wait in kebab case ({@code start-date}); its due date travels as the variable
   * {@code <camelCase>DueAt} ({@code startDateDueAt}), which the timer reads.
   */
  public static String dueAt(String deadline) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : deadline.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.append("DueAt").toString();
  }
}
