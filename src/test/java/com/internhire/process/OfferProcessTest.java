package com.internhire.process;

import static com.internhire.process.EngineJourney.COHORT;
import static com.internhire.process.EngineJourney.STATUS;
import static com.internhire.process.EngineJourney.inDays;
import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.ProcessDriver;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code offer} process on its own (R5, R10), started as the call activity starts it:
 * every end sets offerOutcome through the end event's output mapping, every end without a
 * hire releases the held seat.
 */
@ZeebeProcessTest
class OfferProcessTest {

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private ProcessDriver driver;
  private DeploymentEvent deployment;

  @BeforeEach
  void deploy() {
    driver = new ProcessDriver(engine, client);
    deployment = driver.deployAll();
  }

  @Test
  void withoutASeatTheOfferEndsAtOnceWithNoSeat() {
    ProcessInstanceEvent offer = start();

    ActivatedJob hold = holdSeat(false);

    assertThat(hold.getCustomHeaders()).containsEntry("retryBackoff", "PT10S");
    assertThat(hold.getRetries()).isEqualTo(5);
    assertThat(offer)
        .hasPassedElementsInOrder("StartEvent_OfferRequested", "Task_HoldSeat", "Gateway_SeatHeld", "EndEvent_NoSeat")
        .hasNotPassedElement("Task_ApproveOffer")
        .hasVariableWithValue("offerOutcome", "NO_SEAT")
        .isCompleted();
    assertThat(driver.openJobs("release-seat")).isEmpty();
  }

  @Test
  void theApprovalGoesToHiringManagersAndOnlyTheApprovalLeavesTheTask() {
    ProcessInstanceEvent offer = start();
    holdSeat(true);
    ActivatedJob listener = driver.job(ProcessDriver.TASK_CREATED);
    assertThat(listener.getElementId()).isEqualTo("Task_ApproveOffer");
    assertThat(listener.getCustomHeaders())
        .containsEntry("applicationStatus", "OFFER_APPROVAL")
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"hiring-managers\"]");
    assertThat(listener.getVariablesAsMap())
        .containsEntry("offerStartDate", COHORT)
        .containsEntry("offerEndDate", "2026-08-03");
    client.newCompleteCommand(listener).send().join();
    driver.idle();
    UserTaskRecordValue task = driver.createdUserTask("Task_ApproveOffer");

    assertThat(task.getCandidateGroupsList()).containsExactly("hiring-managers");
    assertThat(task.getFormKey()).isEqualTo(driver.formKey(deployment, "approve-offer"));

    driver.completeUserTask(task, Map.of("approved", true, "notes", "private"));

    assertThat(offer).hasVariableWithValue("offerApproved", true).isWaitingAtElements("Event_SendOffer");
    assertThat(driver.everAtProcessScope(offer.getProcessInstanceKey(), "approved")).isFalse();
    assertThat(driver.everAtProcessScope(offer.getProcessInstanceKey(), "notes")).isFalse();
  }

  @Test
  void anOfferNotApprovedReleasesTheSeat() {
    ProcessInstanceEvent offer = start();
    holdSeat(true);
    driver.completeUserTask(driver.openUserTask("Task_ApproveOffer"), Map.of("approved", false));

    ActivatedJob release = driver.completeJob("release-seat", Map.of());

    assertReleaseSeat(release, "Task_ReleaseSeatNotApproved");
    assertThat(offer)
        .hasPassedElementsInOrder("Gateway_OfferApproved", "Task_ReleaseSeatNotApproved", "EndEvent_NotApproved")
        .hasNotPassedElement("Event_SendOffer")
        .hasVariableWithValue("offerOutcome", "NOT_APPROVED")
        .isCompleted();
  }

  @Test
  void aDeclinedOfferReleasesTheSeat() {
    ProcessInstanceEvent offer = toOfferOut();

    driver.publishMessage("offer-answered", "app-1", Map.of("offerAccepted", false));
    assertReleaseSeat(driver.completeJob("release-seat", Map.of()), "Task_ReleaseSeatDeclined");

    assertThat(offer)
        .hasPassedElementsInOrder("Event_OfferAnswered", "Gateway_OfferAccepted", "Task_ReleaseSeatDeclined", "EndEvent_Declined")
        .hasVariableWithValue("offerOutcome", "DECLINED")
        .isCompleted();
  }

  @Test
  void anUnansweredOfferExpiresAtItsDeadline() {
    ProcessInstanceEvent offer = toOfferOut();

    driver.increaseTime(Duration.ofDays(8));
    assertReleaseSeat(driver.completeJob("release-seat", Map.of()), "Task_ReleaseSeatExpired");

    assertThat(offer)
        .hasPassedElementsInOrder("Event_OfferDeadline", "Task_ReleaseSeatExpired", "EndEvent_Expired")
        .hasVariableWithValue("offerOutcome", "EXPIRED")
        .isCompleted();
  }

  @Test
  void anAnswerForAnotherApplicationDoesNotReachThisOffer() {
    ProcessInstanceEvent offer = toOfferOut();

    driver.publishMessage("offer-answered", "app-2", Map.of("offerAccepted", true));

    assertThat(offer).isWaitingAtElements("Gateway_AwaitAnswer").hasNotPassedElement("Event_OfferAnswered");
  }

  @Test
  void anUnconfirmedStartDateExpiresAtItsDeadline() {
    ProcessInstanceEvent offer = toOfferOut();
    driver.publishMessage("offer-answered", "app-1", Map.of("offerAccepted", true));
    driver.completeJob(STATUS, Map.of("startDateDueAt", inDays(7)));

    driver.increaseTime(Duration.ofDays(6));
    assertThat(offer).isWaitingAtElements("Gateway_AwaitStartDate");
    driver.increaseTime(Duration.ofDays(2));
    assertReleaseSeat(driver.completeJob("release-seat", Map.of()), "Task_ReleaseSeatUnconfirmed");

    assertThat(offer)
        .hasPassedElementsInOrder("Event_StartDateDeadline", "Task_ReleaseSeatUnconfirmed", "EndEvent_StartDateNotConfirmed")
        .hasVariableWithValue("offerOutcome", "EXPIRED")
        .isCompleted();
  }

  @Test
  void aConfirmedStartDateTakesTheSeatAndHandsOverToOnboarding() {
    ProcessInstanceEvent offer = toOfferOut();
    driver.publishMessage("offer-answered", "app-1", Map.of("offerAccepted", true));
    driver.completeJob(STATUS, Map.of("startDateDueAt", inDays(7)));

    driver.publishMessage("start-date-confirmed", "app-1", Map.of("confirmedStartDate", COHORT));
    ActivatedJob take = driver.completeJob("take-seat", Map.of());
    ActivatedJob handOver = driver.completeJob("hand-over-to-onboarding", Map.of());

    for (ActivatedJob job : new ActivatedJob[] {take, handOver}) {
      assertThat(job.getRetries()).isEqualTo(5);
      assertThat(job.getCustomHeaders()).containsEntry("retryBackoff", "PT10S");
      assertThat(job.getVariablesAsMap()).containsEntry("applicationId", "app-1").containsEntry("confirmedStartDate", COHORT);
    }
    assertThat(offer)
        .hasPassedElementsInOrder("Event_StartDateConfirmed", "Task_TakeSeat", "Task_HandOverToOnboarding", "EndEvent_OfferAccepted")
        .hasNotPassedElement("Event_StartDateDeadline")
        .hasVariableWithValue("offerOutcome", "ACCEPTED")
        .isCompleted();
    assertThat(driver.openJobs("release-seat")).isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  private ProcessInstanceEvent start() {
    return driver.start(
        "offer", Map.of("applicationId", "app-1", "positionId", EngineJourney.POSITION, "proposedStartDate", COHORT));
  }

  private ActivatedJob holdSeat(boolean held) {
    ActivatedJob job =
        driver.completeJob(
            "hold-seat",
            held
                ? Map.of("seatHeld", true, "offerStartDate", COHORT, "offerEndDate", "2026-08-03")
                : Map.of("seatHeld", false));
    assertThat(job.getVariablesAsMap()).containsEntry("proposedStartDate", COHORT);
    return job;
  }

  private ProcessInstanceEvent toOfferOut() {
    ProcessInstanceEvent offer = start();
    holdSeat(true);
    driver.completeUserTask(driver.openUserTask("Task_ApproveOffer"), Map.of("approved", true));
    driver.completeJob(STATUS, Map.of("offerDueAt", inDays(7)));
    assertThat(offer).isWaitingAtElements("Gateway_AwaitAnswer");
    return offer;
  }

  private static void assertReleaseSeat(ActivatedJob job, String elementId) {
    assertThat(job.getElementId()).isEqualTo(elementId);
    assertThat(job.getRetries()).isEqualTo(5);
    assertThat(job.getCustomHeaders()).containsEntry("retryBackoff", "PT10S");
    assertThat(job.getVariablesAsMap()).containsEntry("applicationId", "app-1").containsEntry("positionId", EngineJourney.POSITION);
  }
}
