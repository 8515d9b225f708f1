package com.internhire.process;

import static com.internhire.process.EngineJourney.STATUS;
import static com.internhire.process.EngineJourney.inDays;
import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.ProcessDriver;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R11: the candidate withdraws and the application ends at once wherever it stands: open
 * tasks are cancelled (through their canceling listener), a running offer is terminated,
 * the seat is released, the status is WITHDRAWN.
 */
@ZeebeProcessTest
class WithdrawalTest {

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private ProcessDriver driver;

  @BeforeEach
  void deploy() {
    driver = new ProcessDriver(engine, client);
    driver.deployAll();
  }

  @Test
  void whileAwaitingAvailability() {
    EngineJourney journey = new EngineJourney(driver, "app-1").start(false, false, 2);
    driver.completeJob(STATUS, Map.of("availabilityDueAt", inDays(7)));

    withdraw(journey);

    assertThat(journey.instance).hasNotPassedElement("Event_AvailabilityProvided").hasNotPassedElement("Event_AvailabilityDeadline");
  }

  @Test
  void whileWaitingForTheFirstApplication() {
    EngineJourney journey = new EngineJourney(driver, "app-1").start(true, true, 2);
    driver.completeJob(STATUS, Map.of());

    withdraw(journey);

    assertThat(journey.instance).hasNotPassedElement("Event_TurnDecided");
  }

  @Test
  void whileInScreening() {
    EngineJourney journey = new EngineJourney(driver, "app-1").start();

    withdraw(journey);

    assertThat(driver.openJobs("screen-application")).isEmpty();
  }

  @Test
  void whileInReviewTheReviewTaskIsCancelledThroughItsListener() {
    EngineJourney journey = new EngineJourney(driver, "app-1").toReview();

    driver.publishMessage("application-withdrawn", "app-1", Map.of());
    // the review task waits for its canceling listener; nothing else moves before that
    assertThat(driver.openJobs("release-seat")).isEmpty();
    assertThat(driver.openJobs(ProcessDriver.TASK_CANCELING)).containsExactly("Task_ReviewApplication");
    assertThat(driver.completeCancelingListeners()).containsExactly(journey.review.getUserTaskKey());
    endWithdrawn(journey);

    assertThat(journey.instance).hasNotPassedElement("Task_ReviewApplication");
    assertThat(driver.openJobs("escalate-overdue-review")).isEmpty();
  }

  @Test
  void whileInterviewingEveryInterviewTaskIsCancelled() {
    EngineJourney journey = new EngineJourney(driver, "app-1").toInterviews();
    driver.completeUserTask(journey.interviews.get(0), EngineJourney.scorecard("HIRE", ""));

    driver.publishMessage("application-withdrawn", "app-1", Map.of());
    List<Long> cancelled = driver.completeCancelingListeners();
    endWithdrawn(journey);

    assertThat(cancelled).containsExactly(journey.interviews.get(1).getUserTaskKey());
    assertThat(journey.instance).hasNotPassedElement("Task_HiringDecision");
  }

  @Test
  void whileAwaitingTheHiringDecision() {
    EngineJourney journey = new EngineJourney(driver, "app-1").toHiringDecision();

    driver.publishMessage("application-withdrawn", "app-1", Map.of());
    assertThat(driver.completeCancelingListeners()).containsExactly(journey.hiringDecision.getUserTaskKey());
    endWithdrawn(journey);
  }

  @Test
  void whileTheOfferAwaitsApprovalTheCalledInstanceAndItsTaskAreCancelled() {
    EngineJourney journey = new EngineJourney(driver, "app-1").toOfferApproval();

    driver.publishMessage("application-withdrawn", "app-1", Map.of());
    assertThat(driver.completeCancelingListeners()).containsExactly(journey.approval.getUserTaskKey());
    endWithdrawn(journey);

    offer(journey).isTerminated().hasNotPassedElement("Task_ApproveOffer");
  }

  @Test
  void whileTheOfferIsOutTheCalledInstanceIsTerminatedAndTheSeatReleased() {
    EngineJourney journey = new EngineJourney(driver, "app-1").toOfferOut();

    endWithdrawn(withdrawNow(journey));

    offer(journey)
        .isTerminated()
        .hasNotPassedElement("Event_OfferAnswered")
        .hasNotPassedElement("Event_OfferDeadline")
        .hasNotPassedElement("EndEvent_Expired");
    assertThat(journey.instance).hasNotPassedElement("Gateway_OfferOutcome");
    // the terminated offer's answer subscription is gone: a late answer reaches nothing
    driver.publishMessage("offer-answered", "app-1", Map.of("offerAccepted", true));
    assertThat(driver.openJobs(STATUS)).isEmpty();
  }

  @Test
  void whileAwaitingTheStartDateConfirmation() {
    EngineJourney journey = new EngineJourney(driver, "app-1").toStartDateConfirmation();

    endWithdrawn(withdrawNow(journey));

    offer(journey).isTerminated().hasNotPassedElement("Task_TakeSeat");
  }

  @Test
  void aWithdrawalOfAnotherApplicationLeavesThisOneAlone() {
    EngineJourney journey = new EngineJourney(driver, "app-1").toReview();

    driver.publishMessage("application-withdrawn", "app-2", Map.of());

    assertThat(driver.openJobs(ProcessDriver.TASK_CANCELING)).isEmpty();
    assertThat(journey.instance).isWaitingAtElements("Task_ReviewApplication").hasNotPassedElement("StartEvent_WithdrawalRequested");
  }

  // ------------------------------------------------------------------ helpers

  /** Withdraws where no user task is open (nothing to cancel through a listener) and ends the instance. */
  private void withdraw(EngineJourney journey) {
    endWithdrawn(withdrawNow(journey));
  }

  private EngineJourney withdrawNow(EngineJourney journey) {
    driver.publishMessage("application-withdrawn", journey.applicationId, Map.of());
    assertThat(driver.openJobs(ProcessDriver.TASK_CANCELING)).isEmpty();
    return journey;
  }

  private void endWithdrawn(EngineJourney journey) {
    ActivatedJob release = driver.completeJob("release-seat", Map.of());
    assertThat(release.getElementId()).isEqualTo("Task_ReleaseSeatOnWithdrawal");
    assertThat(release.getRetries()).isEqualTo(5);
    assertThat(release.getCustomHeaders()).containsEntry("retryBackoff", "PT10S");
    assertThat(release.getVariablesAsMap())
        .containsEntry("applicationId", journey.applicationId)
        .containsEntry("positionId", journey.positionId);
    ActivatedJob status = driver.completeJob(STATUS, Map.of());
    assertThat(status.getElementId()).isEqualTo("EndEvent_Withdrawn");
    assertThat(status.getCustomHeaders())
        .containsEntry("status", "WITHDRAWN")
        .containsEntry("candidateMessage", "withdrawal-confirmed");
    assertThat(journey.instance)
        .hasPassedElementsInOrder("StartEvent_WithdrawalRequested", "Task_ReleaseSeatOnWithdrawal", "EndEvent_Withdrawn")
        .isCompleted();
    assertThat(driver.openJobs(STATUS)).isEmpty();
    assertThat(driver.openJobs(ProcessDriver.TASK_CANCELING)).isEmpty();
  }

  private ProcessInstanceAssert offer(EngineJourney journey) {
    return new ProcessInstanceAssert(driver.calledInstanceKey(journey.key()), driver.records());
  }
}
