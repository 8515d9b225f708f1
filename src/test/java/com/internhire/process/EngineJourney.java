package com.internhire.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.ProcessDriver;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One application's instance of {@code internship-application}, moved stage by stage with
 * the results the service's workers and people would give. Each step expects that no other
 * instance has a job of the same type waiting: drive one application to where it should
 * wait before starting the next.
 */
final class EngineJourney {

  static final String PROCESS = "internship-application";
  static final String OFFER = "offer";
  static final String POSITION = "ds-ltv-intern-2026";
  static final String STATUS = "update-application-status";
  static final String COHORT = "2026-05-11";

  private final ProcessDriver driver;
  final String applicationId;
  final String positionId;
  ProcessInstanceEvent instance;
  UserTaskRecordValue review;
  List<UserTaskRecordValue> interviews;
  UserTaskRecordValue hiringDecision;
  UserTaskRecordValue approval;

  EngineJourney(ProcessDriver driver, String applicationId) {
    this(driver, applicationId, POSITION);
  }

  EngineJourney(ProcessDriver driver, String applicationId, String positionId) {
    this.driver = driver;
    this.applicationId = applicationId;
    this.positionId = positionId;
  }

  long key() {
    return instance.getProcessInstanceKey();
  }

  /** An ISO date-time {@code days} from now, as a worker returns deadlines. */
  static String inDays(long days) {
    return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static Map<String, Object> startVariables(
      String applicationId, String positionId, boolean availabilityStated, boolean waitsForTurn, int interviewCount) {
    return Map.of(
        "applicationId", applicationId,
        "positionId", positionId,
        "availabilityStated", availabilityStated,
        "waitsForTurn", waitsForTurn,
        "interviewCount", interviewCount);
  }

  static Map<String, Object> screened(String recommendation, int priority, String reviewDueAt) {
    return Map.of(
        "screening",
        Map.of(
            "meetsMinimum", !recommendation.equals("REJECT"),
            "minimumReason", "test",
            "score", 70,
            "recommendation", recommendation,
            "priority", priority),
        "reviewDueAt", reviewDueAt);
  }

  static Map<String, Object> scorecard(String recommendation, String comments) {
    Map<String, Object> card = new HashMap<>();
    card.put("analytics", "4");
    card.put("technical", "5");
    card.put("communication", "4");
    card.put("problemSolving", "3");
    card.put("recommendation", recommendation);
    card.put("comments", comments);
    return card;
  }

  // ------------------------------------------------------------------ stages

  EngineJourney start() {
    return start(true, false, 2);
  }

  EngineJourney start(boolean availabilityStated, boolean waitsForTurn, int interviewCount) {
    instance = driver.start(PROCESS, startVariables(applicationId, positionId, availabilityStated, waitsForTurn, interviewCount));
    return this;
  }

  /** Screening done, review task created and through its creating listener (due in 5 days). */
  EngineJourney toReview() {
    return toReview(2, inDays(5));
  }

  EngineJourney toReview(int interviewCount, String reviewDueAt) {
    start(true, false, interviewCount);
    driver.completeJob("screen-application", screened("ADVANCE", 90, reviewDueAt));
    review = driver.openUserTask("Task_ReviewApplication");
    return this;
  }

  /** Advanced at review, the invitation sent, the interview tasks created. */
  EngineJourney toInterviews() {
    return toInterviews(2);
  }

  EngineJourney toInterviews(int interviewCount) {
    toReview(interviewCount, inDays(5));
    driver.completeUserTask(review, Map.of("decision", "ADVANCE"));
    ActivatedJob invitation = driver.completeJob(STATUS, Map.of());
    assertThat(invitation.getElementId()).isEqualTo("Event_InviteToInterviews");
    interviews = driver.openUserTasks("Task_Interview", interviewCount);
    return this;
  }

  /** Both interviews scored, the hiring decision task created. */
  EngineJourney toHiringDecision() {
    toInterviews();
    for (UserTaskRecordValue interview : interviews) {
      driver.completeUserTask(interview, scorecard("HIRE", "private remark on interview"));
    }
    hiringDecision = driver.openUserTask("Task_HiringDecision");
    return this;
  }

  EngineJourney decide(String decision, String startDate) {
    Map<String, Object> result = new HashMap<>();
    result.put("decision", decision);
    if (startDate != null) {
      result.put("startDate", startDate);
    }
    result.put("notes", "private decision notes");
    driver.completeUserTask(hiringDecision, result);
    return this;
  }

  /** Hiring decided, the seat held, the approval task created (in the called offer instance). */
  EngineJourney toOfferApproval() {
    toHiringDecision();
    decide("HIRE", COHORT);
    holdSeat(true);
    approval = driver.openUserTask("Task_ApproveOffer");
    return this;
  }

  ActivatedJob holdSeat(boolean held) {
    return driver.completeJob(
        "hold-seat",
        held
            ? Map.of("seatHeld", true, "offerStartDate", COHORT, "offerEndDate", "2026-08-03")
            : Map.of("seatHeld", false));
  }

  /** Offer approved and sent; the candidate's answer is awaited (offer due in 7 days). */
  EngineJourney toOfferOut() {
    toOfferApproval();
    driver.completeUserTask(approval, Map.of("approved", true, "notes", "private approval notes"));
    ActivatedJob sent = driver.completeJob(STATUS, Map.of("offerDueAt", inDays(7)));
    assertThat(sent.getElementId()).isEqualTo("Event_SendOffer");
    return this;
  }

  /** Offer accepted; the start-date confirmation is awaited (due in 7 days). */
  EngineJourney toStartDateConfirmation() {
    toOfferOut();
    driver.publishMessage("offer-answered", applicationId, Map.of("offerAccepted", true));
    ActivatedJob accepted = driver.completeJob(STATUS, Map.of("startDateDueAt", inDays(7)));
    assertThat(accepted.getElementId()).isEqualTo("Event_AwaitStartDate");
    return this;
  }
}
