package com.internhire.process;

import static com.internhire.process.EngineJourney.STATUS;
import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.ProcessDriver;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R3: when a position's headcount is filled, the service broadcasts the signal
 * {@code position-filled-<positionId>}; every application still open for that position
 * ends, wherever it stands, and no other position's application moves.
 */
@ZeebeProcessTest
class PositionFilledTest {

  private static final String OTHER_POSITION = "marketing-analytics-intern-2026";

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private ProcessDriver driver;

  @BeforeEach
  void deploy() {
    driver = new ProcessDriver(engine, client);
    driver.deployAll();
  }

  @Test
  void everyOpenApplicationOfThePositionEndsWhereverItStands() {
    // drive each application to where it waits before starting the next (jobs are shared by type)
    EngineJourney offerOut = new EngineJourney(driver, "app-offer").toOfferOut();
    EngineJourney waitingTurn = new EngineJourney(driver, "app-turn").start(true, true, 2);
    driver.completeJob(STATUS, Map.of());
    EngineJourney awaitingAvailability = new EngineJourney(driver, "app-availability").start(false, false, 2);
    driver.completeJob(STATUS, Map.of("availabilityDueAt", EngineJourney.inDays(7)));
    EngineJourney inReview = new EngineJourney(driver, "app-review").toReview();
    EngineJourney otherPosition = new EngineJourney(driver, "app-other", OTHER_POSITION).toReview();

    driver.broadcastSignal("position-filled-" + EngineJourney.POSITION);

    // only the review task of this position is cancelled, through its canceling listener
    assertThat(driver.completeCancelingListeners()).containsExactly(inReview.review.getUserTaskKey());
    List<ActivatedJob> released = driver.completeJobs("release-seat", Map.of());
    assertThat(released).hasSize(4).allSatisfy(job -> assertThat(job.getElementId()).isEqualTo("Task_ReleaseSeatOnPositionFilled"));
    assertThat(applicationIds(released)).containsExactlyInAnyOrder("app-offer", "app-turn", "app-availability", "app-review");
    List<ActivatedJob> told = driver.completeJobs(STATUS, Map.of());
    assertThat(told)
        .hasSize(4)
        .allSatisfy(job -> {
          assertThat(job.getElementId()).isEqualTo("EndEvent_PositionFilled");
          assertThat(job.getCustomHeaders())
              .containsEntry("status", "POSITION_FILLED")
              .containsEntry("candidateMessage", "position-filled");
        });

    for (EngineJourney journey : List.of(offerOut, waitingTurn, awaitingAvailability, inReview)) {
      assertThat(journey.instance)
          .as(journey.applicationId)
          .hasPassedElementsInOrder("StartEvent_PositionFilled", "Task_ReleaseSeatOnPositionFilled", "EndEvent_PositionFilled")
          .hasNotPassedElement("StartEvent_WithdrawalRequested")
          .isCompleted();
    }
    new ProcessInstanceAssert(driver.calledInstanceKey(offerOut.key()), driver.records()).isTerminated();
    assertThat(otherPosition.instance)
        .hasNotPassedElement("StartEvent_PositionFilled")
        .isWaitingAtElements("Task_ReviewApplication")
        .isActive();
  }

  @Test
  void theSignalOfAnotherPositionLeavesTheApplicationAlone() {
    EngineJourney journey = new EngineJourney(driver, "app-1").toReview();

    driver.broadcastSignal("position-filled-" + OTHER_POSITION);
    driver.broadcastSignal("position-filled-");

    assertThat(driver.openJobs(ProcessDriver.TASK_CANCELING)).isEmpty();
    assertThat(driver.openJobs("release-seat")).isEmpty();
    assertThat(journey.instance).isWaitingAtElements("Task_ReviewApplication").hasNotPassedElement("StartEvent_PositionFilled");
  }

  @Test
  void anInterviewingApplicationEndsAndItsInterviewTasksAreCancelled() {
    EngineJourney journey = new EngineJourney(driver, "app-1").toInterviews();

    driver.broadcastSignal("position-filled-" + EngineJourney.POSITION);

    assertThat(driver.completeCancelingListeners())
        .containsExactlyInAnyOrder(journey.interviews.get(0).getUserTaskKey(), journey.interviews.get(1).getUserTaskKey());
    driver.completeJob("release-seat", Map.of());
    driver.completeJob(STATUS, Map.of());
    assertThat(journey.instance).hasPassedElement("EndEvent_PositionFilled").isCompleted();
  }

  private static Set<Object> applicationIds(List<ActivatedJob> jobs) {
    return jobs.stream().map(j -> j.getVariablesAsMap().get("applicationId")).collect(Collectors.toSet());
  }
}
