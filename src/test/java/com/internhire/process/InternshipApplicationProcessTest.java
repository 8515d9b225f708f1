package com.internhire.process;

import static com.internhire.process.EngineJourney.COHORT;
import static com.internhire.process.EngineJourney.STATUS;
import static com.internhire.process.EngineJourney.inDays;
import static com.internhire.process.EngineJourney.screened;
import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.ProcessDriver;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The paths through {@code internship-application} up to the hiring decision: availability
 * (R4), turn order (R2), screening and rolling review with escalation (R3, R6, R7),
 * interviews (R9). The offer's outcomes are in {@link OfferOutcomeTest}; withdrawal and
 * filled positions in {@link WithdrawalTest} and {@link PositionFilledTest}.
 */
@ZeebeProcessTest
class InternshipApplicationProcessTest {

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private ProcessDriver driver;
  private DeploymentEvent deployment;

  @BeforeEach
  void deploy() {
    driver = new ProcessDriver(engine, client);
    deployment = driver.deployAll();
  }

  // ------------------------------------------------------------------ screening and review

  @Test
  void screeningIsAJobThatNamesItsDecisionAndDeclaresRetries() {
    ProcessInstanceEvent instance = journey().start().instance;
    ActivatedJob job = driver.job("screen-application");

    assertThat(job.getElementId()).isEqualTo("Task_ScreenApplication");
    assertThat(job.getCustomHeaders()).containsEntry("decisionId", "screening").containsEntry("retryBackoff", "PT10S");
    assertThat(job.getRetries()).isEqualTo(5);
    assertThat(job.getVariablesAsMap()).containsEntry("applicationId", "app-1");
    assertThat(instance)
        .hasPassedElementsInOrder(
            "StartEvent_ApplicationSubmitted", "Gateway_AvailabilityStated", "Gateway_AvailabilityKnown",
            "Gateway_WaitsForTurn", "Gateway_TurnTaken")
        .hasNotPassedElement("Event_AskForAvailability")
        .hasNotPassedElement("Event_WaitForTurn")
        .isWaitingAtElements("Task_ScreenApplication");
  }

  @Test
  void theReviewTaskGoesToRecruitersWithPriorityDueDateAndLinkedForm() {
    String due = inDays(5);
    EngineJourney journey = journey().toReview(2, due);

    UserTaskRecordValue task = journey.review;
    assertThat(task.getCandidateGroupsList()).containsExactly("recruiters");
    assertThat(task.getPriority()).isEqualTo(90);
    assertThat(OffsetDateTime.parse(task.getDueDate()).toInstant()).isEqualTo(OffsetDateTime.parse(due).toInstant());
    assertThat(task.getFormKey()).isEqualTo(driver.formKey(deployment, "review-application"));
    assertThat(journey.instance).isWaitingAtElements("Task_ReviewApplication");
  }

  @Test
  void theCreatingListenerCarriesWhatTheInboxNeeds() {
    journey().start();
    driver.completeJob("screen-application", screened("CONSIDER", 40, inDays(5)));
    ActivatedJob listener = driver.job(ProcessDriver.TASK_CREATED);

    assertThat(listener.getCustomHeaders())
        .containsEntry("applicationStatus", "IN_REVIEW")
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"recruiters\"]")
        .containsEntry("io.camunda.zeebe:priority", "40")
        .containsKey("io.camunda.zeebe:userTaskKey")
        .containsKey("io.camunda.zeebe:dueDate");
    assertThat(listener.getVariablesAsMap()).containsEntry("applicationId", "app-1");
  }

  @Test
  void anAdvancedApplicationIsInvitedToInterviews() {
    EngineJourney journey = journey().toReview();
    driver.completeUserTask(journey.review, Map.of("decision", "ADVANCE", "notes", "Good fit"));

    ActivatedJob status = driver.completeJob(STATUS, Map.of());

    assertThat(status.getElementId()).isEqualTo("Event_InviteToInterviews");
    assertThat(status.getCustomHeaders())
        .containsEntry("status", "INTERVIEWING")
        .containsEntry("candidateMessage", "interview-invitation")
        .containsEntry("retryBackoff", "PT10S")
        .doesNotContainKey("deadline");
    assertThat(status.getRetries()).isEqualTo(5);
    assertThat(journey.instance)
        .hasPassedElementsInOrder("Task_ReviewApplication", "Gateway_ReviewDecision", "Event_InviteToInterviews")
        .hasNotPassedElement("EndEvent_ApplicationRejected")
        .hasVariableWithValue("reviewDecision", "ADVANCE")
        .isWaitingAtElements("Task_Interview");
  }

  /** R6: a person decides every rejection, whatever screening recommended. */
  @ParameterizedTest(name = "screening recommended {0}")
  @ValueSource(strings = {"ADVANCE", "CONSIDER", "REJECT"})
  void rejectionIsAPersonsDecisionAndTheCandidateIsTold(String recommendation) {
    ProcessInstanceEvent instance = journey().start().instance;
    driver.completeJob("screen-application", screened(recommendation, 10, inDays(5)));
    UserTaskRecordValue review = driver.openUserTask("Task_ReviewApplication");
    assertThat(instance).isWaitingAtElements("Task_ReviewApplication");

    driver.completeUserTask(review, Map.of("decision", "REJECT"));
    ActivatedJob status = driver.completeJob(STATUS, Map.of());

    assertThat(status.getElementId()).isEqualTo("EndEvent_ApplicationRejected");
    assertThat(status.getCustomHeaders())
        .containsEntry("status", "REJECTED")
        .containsEntry("candidateMessage", "application-rejected");
    assertThat(instance)
        .hasPassedElementsInOrder("Task_ReviewApplication", "Gateway_ReviewDecision", "EndEvent_ApplicationRejected")
        .hasNotPassedElement("Event_InviteToInterviews")
        .isCompleted();
  }

  @Test
  void reviewNotesStayOnTheTaskAndNeverReachTheProcess() {
    EngineJourney journey = journey().toReview();
    driver.completeUserTask(journey.review, Map.of("decision", "ADVANCE", "notes", "private remark"));
    driver.completeJob(STATUS, Map.of());

    assertThat(driver.everAtProcessScope(journey.key(), "notes")).isFalse();
    assertThat(driver.everAtProcessScope(journey.key(), "decision")).isFalse();
  }

  @Test
  void cancellingTheInstanceClosesTheReviewTaskThroughItsListener() {
    EngineJourney journey = journey().toReview();

    client.newCancelInstanceCommand(journey.key()).send().join();
    driver.idle();
    ActivatedJob canceling = driver.job(ProcessDriver.TASK_CANCELING);
    assertThat(canceling.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:userTaskKey", String.valueOf(journey.review.getUserTaskKey()));
    client.newCompleteCommand(canceling).send().join();
    driver.idle();

    assertThat(journey.instance).isTerminated();
  }

  // ------------------------------------------------------------------ R3 escalation

  @Test
  void anOverdueReviewIsEscalatedAndTheTaskStaysOpen() {
    EngineJourney journey = journey().toReview(2, inDays(1));
    driver.increaseTime(Duration.ofHours(12));
    assertThat(driver.openJobs("escalate-overdue-review")).isEmpty();

    driver.increaseTime(Duration.ofDays(1));
    ActivatedJob escalation = driver.completeJob("escalate-overdue-review", Map.of());

    assertThat(escalation.getElementId()).isEqualTo("Task_EscalateOverdueReview");
    assertThat(escalation.getCustomHeaders()).containsEntry("retryBackoff", "PT1M");
    assertThat(escalation.getRetries()).isEqualTo(5);
    assertThat(escalation.getVariablesAsMap()).containsEntry("applicationId", "app-1");
    assertThat(journey.instance)
        .hasPassedElementsInOrder("Event_ReviewOverdue", "Task_EscalateOverdueReview", "EndEvent_ReviewEscalated")
        .isWaitingAtElements("Task_ReviewApplication");
    assertThat(driver.openJobs(ProcessDriver.TASK_CANCELING)).isEmpty();

    // the recruiter still decides on the same task
    driver.completeUserTask(journey.review, Map.of("decision", "REJECT"));
    assertThat(driver.completeJob(STATUS, Map.of()).getElementId()).isEqualTo("EndEvent_ApplicationRejected");
    assertThat(journey.instance).isCompleted();
  }

  // ------------------------------------------------------------------ R4 availability

  @Test
  void missingAvailabilityIsAskedForAndTheApplicationGoesOnWhenItArrives() {
    ProcessInstanceEvent instance = journey().start(false, false, 2).instance;

    ActivatedJob ask = driver.completeJob(STATUS, Map.of("availabilityDueAt", inDays(7)));

    assertThat(ask.getElementId()).isEqualTo("Event_AskForAvailability");
    assertThat(ask.getCustomHeaders())
        .containsEntry("status", "AWAITING_AVAILABILITY")
        .containsEntry("candidateMessage", "availability-requested")
        .containsEntry("deadline", "availability")
        .containsEntry("retryBackoff", "PT10S");
    assertThat(ask.getRetries()).isEqualTo(5);
    assertThat(instance).isWaitingForMessages("availability-provided");

    driver.publishMessage("availability-provided", "app-1", Map.of());

    assertThat(instance)
        .hasPassedElementsInOrder(
            "Gateway_AvailabilityStated", "Event_AskForAvailability", "Gateway_AwaitAvailability",
            "Event_AvailabilityProvided", "Gateway_AvailabilityKnown", "Gateway_WaitsForTurn")
        .hasNotPassedElement("Event_AvailabilityDeadline")
        .isWaitingAtElements("Task_ScreenApplication");
  }

  @Test
  void withoutAvailabilityTheApplicationClosesIncompleteAtTheDeadline() {
    ProcessInstanceEvent instance = journey().start(false, false, 2).instance;
    driver.completeJob(STATUS, Map.of("availabilityDueAt", inDays(7)));

    driver.increaseTime(Duration.ofDays(6));
    assertThat(instance).isWaitingForMessages("availability-provided");

    driver.increaseTime(Duration.ofDays(2));
    ActivatedJob incomplete = driver.completeJob(STATUS, Map.of());

    assertThat(incomplete.getElementId()).isEqualTo("EndEvent_Incomplete");
    assertThat(incomplete.getCustomHeaders())
        .containsEntry("status", "INCOMPLETE")
        .containsEntry("candidateMessage", "application-incomplete")
        .doesNotContainKey("deadline");
    assertThat(instance)
        .hasPassedElementsInOrder("Event_AskForAvailability", "Event_AvailabilityDeadline", "EndEvent_Incomplete")
        .hasNotPassedElement("Event_AvailabilityProvided")
        .hasNotPassedElement("Task_ScreenApplication")
        .isCompleted();
  }

  // ------------------------------------------------------------------ R2 turn order

  @Test
  void aSecondApplicationWaitsForTheFirstAndIsReviewedWhenTheFirstWasNotHired() {
    ProcessInstanceEvent instance = journey().start(true, true, 2).instance;

    ActivatedJob waiting = driver.completeJob(STATUS, Map.of());
    assertThat(waiting.getElementId()).isEqualTo("Event_WaitForTurn");
    assertThat(waiting.getCustomHeaders())
        .containsEntry("status", "WAITING_TURN")
        .doesNotContainKey("candidateMessage")
        .doesNotContainKey("deadline");
    assertThat(instance).isWaitingForMessages("turn-decided");

    driver.publishMessage("turn-decided", "app-1", Map.of("firstApplicationHired", false));

    assertThat(instance)
        .hasPassedElementsInOrder(
            "Gateway_WaitsForTurn", "Event_WaitForTurn", "Event_TurnDecided", "Gateway_FirstApplicationHired",
            "Gateway_TurnTaken")
        .hasNotPassedElement("EndEvent_HiredElsewhere")
        .isWaitingAtElements("Task_ScreenApplication");
  }

  @Test
  void aSecondApplicationClosesWhenTheFirstEndedInAHire() {
    ProcessInstanceEvent instance = journey().start(true, true, 2).instance;
    driver.completeJob(STATUS, Map.of());

    driver.publishMessage("turn-decided", "app-1", Map.of("firstApplicationHired", true));
    ActivatedJob closed = driver.completeJob(STATUS, Map.of());

    assertThat(closed.getElementId()).isEqualTo("EndEvent_HiredElsewhere");
    assertThat(closed.getCustomHeaders())
        .containsEntry("status", "HIRED_ELSEWHERE")
        .containsEntry("candidateMessage", "hired-elsewhere");
    assertThat(instance)
        .hasPassedElementsInOrder("Event_TurnDecided", "Gateway_FirstApplicationHired", "EndEvent_HiredElsewhere")
        .hasNotPassedElement("Task_ScreenApplication")
        .isCompleted();
  }

  @Test
  void aTurnMessageForAnotherApplicationLeavesThisOneWaiting() {
    ProcessInstanceEvent instance = journey().start(true, true, 2).instance;
    driver.completeJob(STATUS, Map.of());

    driver.publishMessage("turn-decided", "app-2", Map.of("firstApplicationHired", false));

    assertThat(instance).isWaitingAtElements("Event_TurnDecided").hasNotPassedElement("Event_TurnDecided");
  }

  // ------------------------------------------------------------------ R9 interviews and decision

  @Test
  @SuppressWarnings("unchecked")
  void everyInterviewHasItsOwnScorecardTaskAndOnlyTheStructuredScoresAreCollected() {
    EngineJourney journey = journey().toInterviews();

    assertThat(journey.interviews).hasSize(2);
    long scorecardForm = driver.formKey(deployment, "interview-scorecard");
    assertThat(journey.interviews)
        .allSatisfy(task -> {
          assertThat(task.getElementId()).isEqualTo("Task_Interview");
          assertThat(task.getCandidateGroupsList()).containsExactly("interviewers");
          assertThat(task.getFormKey()).isEqualTo(scorecardForm);
          assertThat(task.getPriority()).isEqualTo(90);
        });
    assertThat(journey.instance).isWaitingAtElements("Task_Interview");

    driver.completeUserTask(journey.interviews.get(0), scorecardWith("HIRE", "5", "first interviewer's private remark"));
    assertThat(journey.instance).isWaitingAtElements("Task_Interview");
    driver.completeUserTask(journey.interviews.get(1), scorecardWith("NO_HIRE", "2", "second interviewer's private remark"));

    UserTaskRecordValue decision = driver.openUserTask("Task_HiringDecision");
    // the multi-instance body completes once, plus once per interview
    assertThat(journey.instance).hasPassedElement("Task_Interview", 3).isWaitingAtElements("Task_HiringDecision");
    assertThat(completedTasks("Task_Interview")).isEqualTo(2);
    assertThat((List<Object>) driver.variable(journey.key(), "scorecards"))
        .containsExactly(
            Map.of("interviewNumber", 1, "analytics", "4", "technical", "5", "communication", "4",
                "problemSolving", "3", "recommendation", "HIRE"),
            Map.of("interviewNumber", 2, "analytics", "4", "technical", "2", "communication", "4",
                "problemSolving", "3", "recommendation", "NO_HIRE"));
    for (String name : List.of("comments", "analytics", "technical", "communication", "problemSolving",
        "recommendation", "interviewNumber", "scorecard")) {
      assertThat(driver.everAtProcessScope(journey.key(), name)).as("%s at process scope", name).isFalse();
    }
    assertThat(decision.getCandidateGroupsList()).containsExactly("hiring-managers");
    assertThat(decision.getFormKey()).isEqualTo(driver.formKey(deployment, "hiring-decision"));
  }

  @Test
  void theInterviewListenersCarryTheInterviewingStatus() {
    EngineJourney journey = journey().toReview();
    driver.completeUserTask(journey.review, Map.of("decision", "ADVANCE"));
    driver.completeJob(STATUS, Map.of());

    List<ActivatedJob> listeners = driver.jobs(ProcessDriver.TASK_CREATED);

    assertThat(listeners).hasSize(2);
    assertThat(listeners)
        .allSatisfy(l -> {
          assertThat(l.getElementId()).isEqualTo("Task_Interview");
          assertThat(l.getCustomHeaders())
              .containsEntry("applicationStatus", "INTERVIEWING")
              .containsEntry("io.camunda.zeebe:candidateGroups", "[\"interviewers\"]");
        });
    assertThat(listeners).extracting(l -> l.getVariablesAsMap().get("interviewNumber")).containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void aPositionWithThreeInterviewsGetsThreeScorecardTasks() {
    EngineJourney journey = journey().toInterviews(3);

    assertThat(journey.interviews).hasSize(3);
    for (UserTaskRecordValue interview : journey.interviews) {
      driver.completeUserTask(interview, EngineJourney.scorecard("HIRE", ""));
    }
    driver.openUserTask("Task_HiringDecision");

    assertThat(journey.instance).hasPassedElement("Task_Interview", 4).isWaitingAtElements("Task_HiringDecision");
    assertThat(completedTasks("Task_Interview")).isEqualTo(3);
    assertThat((List<?>) driver.variable(journey.key(), "scorecards")).hasSize(3);
  }

  @Test
  void theHiringDecisionTaskCarriesTheAwaitingDecisionStatus() {
    EngineJourney journey = journey().toInterviews();
    for (UserTaskRecordValue interview : journey.interviews) {
      driver.completeUserTask(interview, EngineJourney.scorecard("HIRE", ""));
    }

    ActivatedJob listener = driver.job(ProcessDriver.TASK_CREATED);

    assertThat(listener.getElementId()).isEqualTo("Task_HiringDecision");
    assertThat(listener.getCustomHeaders())
        .containsEntry("applicationStatus", "AWAITING_DECISION")
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"hiring-managers\"]");
  }

  @Test
  void aRejectionAfterInterviewsEndsTheApplicationAndTheCandidateIsTold() {
    EngineJourney journey = journey().toHiringDecision();

    journey.decide("REJECT", null);
    ActivatedJob status = driver.completeJob(STATUS, Map.of());

    assertThat(status.getElementId()).isEqualTo("EndEvent_RejectedAfterInterviews");
    assertThat(status.getCustomHeaders())
        .containsEntry("status", "REJECTED")
        .containsEntry("candidateMessage", "application-rejected");
    assertThat(journey.instance)
        .hasPassedElementsInOrder("Task_HiringDecision", "Gateway_HiringDecision", "EndEvent_RejectedAfterInterviews")
        .hasNotPassedElement("CallActivity_Offer")
        .hasVariableWithValue("hiringDecision", "REJECT")
        .isCompleted();
    assertThat(driver.variable(journey.key(), "proposedStartDate")).isNull();
    assertThat(driver.everAtProcessScope(journey.key(), "notes")).isFalse();
    assertThat(driver.everAtProcessScope(journey.key(), "decision")).isFalse();
  }

  @Test
  void aHireStartsTheOfferWithTheChosenCohortOnly() {
    EngineJourney journey = journey().toHiringDecision();

    journey.decide("HIRE", COHORT);
    ActivatedJob holdSeat = driver.job("hold-seat");

    assertThat(journey.instance)
        .hasPassedElementsInOrder("Task_HiringDecision", "Gateway_HiringDecision")
        .hasVariableWithValue("hiringDecision", "HIRE")
        .hasVariableWithValue("proposedStartDate", COHORT)
        .isWaitingAtElements("CallActivity_Offer");
    assertThat(holdSeat.getVariablesAsMap())
        .containsOnlyKeys("applicationId", "positionId", "proposedStartDate")
        .containsEntry("applicationId", "app-1")
        .containsEntry("positionId", EngineJourney.POSITION)
        .containsEntry("proposedStartDate", COHORT);
  }

  // ------------------------------------------------------------------ helpers

  private EngineJourney journey() {
    return new EngineJourney(driver, "app-1");
  }

  private long completedTasks(String elementId) {
    return driver.userTaskRecords()
        .filter(r -> r.getIntent() == UserTaskIntent.COMPLETED && r.getValue().getElementId().equals(elementId))
        .count();
  }

  private static Map<String, Object> scorecardWith(String recommendation, String technical, String comments) {
    Map<String, Object> card = EngineJourney.scorecard(recommendation, comments);
    card.put("technical", technical);
    return card;
  }

}
