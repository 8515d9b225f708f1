package com.internhire.process;

import static com.internhire.process.EngineJourney.COHORT;
import static com.internhire.process.EngineJourney.STATUS;
import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.ProcessDriver;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way an application ends after a hire decision, through the call activity into
 * {@code offer} and back (R5, R10): the parent reads offerOutcome only and sets the final
 * status itself.
 */
@ZeebeProcessTest
class OfferOutcomeTest {

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private ProcessDriver driver;

  @BeforeEach
  void deploy() {
    driver = new ProcessDriver(engine, client);
    driver.deployAll();
  }

  @Test
  void anAcceptedOfferWithAConfirmedStartDateEndsInAHire() {
    EngineJourney journey = new EngineJourney(driver, "app-1").toInterviews();
    assertThat(journey.interviews).hasSize(2);
    for (UserTaskRecordValue interview : journey.interviews) {
      driver.completeUserTask(interview, EngineJourney.scorecard("HIRE", "private remark"));
    }
    journey.hiringDecision = driver.openUserTask("Task_HiringDecision");
    assertThat((List<?>) driver.variable(journey.key(), "scorecards")).hasSize(2);
    assertThat(driver.everAtProcessScope(journey.key(), "comments")).isFalse();
    journey.decide("HIRE", COHORT);

    ActivatedJob holdSeat = journey.holdSeat(true);
    assertThat(holdSeat.getElementId()).isEqualTo("Task_HoldSeat");
    assertThat(holdSeat.getCustomHeaders()).containsEntry("retryBackoff", "PT10S");
    UserTaskRecordValue approval = driver.openUserTask("Task_ApproveOffer");
    driver.completeUserTask(approval, Map.of("approved", true, "notes", "private approval notes"));

    ActivatedJob offered = driver.completeJob(STATUS, Map.of("offerDueAt", EngineJourney.inDays(7)));
    assertThat(offered.getElementId()).isEqualTo("Event_SendOffer");
    assertThat(offered.getCustomHeaders())
        .containsEntry("status", "OFFERED")
        .containsEntry("candidateMessage", "offer-made")
        .containsEntry("deadline", "offer")
        .containsEntry("retryBackoff", "PT10S");
    assertThat(offered.getVariablesAsMap()).containsEntry("offerStartDate", COHORT).containsEntry("offerEndDate", "2026-08-03");

    driver.publishMessage("offer-answered", "app-1", Map.of("offerAccepted", true));
    ActivatedJob accepted = driver.completeJob(STATUS, Map.of("startDateDueAt", EngineJourney.inDays(7)));
    assertThat(accepted.getElementId()).isEqualTo("Event_AwaitStartDate");
    assertThat(accepted.getCustomHeaders())
        .containsEntry("status", "OFFER_ACCEPTED")
        .containsEntry("candidateMessage", "offer-accepted")
        .containsEntry("deadline", "start-date");

    driver.publishMessage("start-date-confirmed", "app-1", Map.of("confirmedStartDate", COHORT));
    assertThat(driver.completeJob("take-seat", Map.of()).getElementId()).isEqualTo("Task_TakeSeat");
    assertThat(driver.completeJob("hand-over-to-onboarding", Map.of()).getElementId()).isEqualTo("Task_HandOverToOnboarding");
    ActivatedJob hired = driver.completeJob(STATUS, Map.of());

    assertThat(hired.getElementId()).isEqualTo("EndEvent_Hired");
    assertThat(hired.getCustomHeaders())
        .containsEntry("status", "HIRED")
        .containsEntry("candidateMessage", "start-date-confirmed");
    assertThat(journey.instance)
        .hasPassedElementsInOrder(
            "Event_InviteToInterviews", "Gateway_JoinDecision", "Task_HiringDecision",
            "Gateway_HiringDecision", "CallActivity_Offer", "Gateway_OfferOutcome", "EndEvent_Hired")
        .hasVariableWithValue("offerOutcome", "ACCEPTED")
        .isCompleted();
    offer(journey)
        .hasPassedElementsInOrder(
            "Task_HoldSeat", "Task_ApproveOffer", "Event_SendOffer", "Event_OfferAnswered", "Event_AwaitStartDate",
            "Event_StartDateConfirmed", "Task_TakeSeat", "Task_HandOverToOnboarding", "EndEvent_OfferAccepted")
        .isCompleted();
    assertThat(driver.openJobs("release-seat")).isEmpty();
    // nothing of the offer but its outcome reaches the application's instance
    for (String name : List.of("seatHeld", "offerStartDate", "offerEndDate", "offerApproved", "approved", "notes",
        "offerDueAt", "offerAccepted", "startDateDueAt", "confirmedStartDate")) {
      assertThat(driver.everAtProcessScope(journey.key(), name)).as("%s at the application's scope", name).isFalse();
    }
  }

  @Test
  void withoutASeatInTheCohortTheHiringManagerPicksAnother() {
    EngineJourney journey = new EngineJourney(driver, "app-1").toHiringDecision();
    journey.decide("HIRE", COHORT);

    journey.holdSeat(false);

    offer(journey)
        .hasPassedElementsInOrder("Task_HoldSeat", "Gateway_SeatHeld", "EndEvent_NoSeat")
        .hasNotPassedElement("Task_ApproveOffer")
        .isCompleted();
    UserTaskRecordValue again = driver.openUserTask("Task_HiringDecision");
    assertThat(again.getUserTaskKey()).isNotEqualTo(journey.hiringDecision.getUserTaskKey());
    assertThat(journey.instance)
        .hasPassedElement("CallActivity_Offer")
        .hasPassedElement("Gateway_JoinDecision", 2)
        .hasVariableWithValue("offerOutcome", "NO_SEAT")
        .isWaitingAtElements("Task_HiringDecision");
    assertThat(driver.openJobs(STATUS)).isEmpty();

    journey.hiringDecision = again;
    journey.decide("HIRE", "2026-05-18");
    ActivatedJob secondHold = driver.job("hold-seat");
    assertThat(secondHold.getVariablesAsMap()).containsEntry("proposedStartDate", "2026-05-18");
  }

  @Test
  void anOfferTheManagerDoesNotApproveReleasesTheSeatAndRejects() {
    EngineJourney journey = new EngineJourney(driver, "app-1").toOfferApproval();

    driver.completeUserTask(journey.approval, Map.of("approved", false, "notes", "budget"));
    assertThat(driver.completeJob("release-seat", Map.of()).getElementId()).isEqualTo("Task_ReleaseSeatNotApproved");
    ActivatedJob status = driver.completeJob(STATUS, Map.of());

    assertThat(status.getElementId()).isEqualTo("EndEvent_OfferNotApproved");
    assertThat(status.getCustomHeaders())
        .containsEntry("status", "REJECTED")
        .containsEntry("candidateMessage", "application-rejected");
    offer(journey).hasPassedElementsInOrder("Gateway_OfferApproved", "Task_ReleaseSeatNotApproved", "EndEvent_NotApproved");
    assertThat(journey.instance)
        .hasPassedElementsInOrder("CallActivity_Offer", "Gateway_OfferOutcome", "EndEvent_OfferNotApproved")
        .hasVariableWithValue("offerOutcome", "NOT_APPROVED")
        .isCompleted();
  }

  @Test
  void aDeclinedOfferReleasesTheSeatAndEndsDeclined() {
    EngineJourney journey = new EngineJourney(driver, "app-1").toOfferOut();

    driver.publishMessage("offer-answered", "app-1", Map.of("offerAccepted", false));
    assertThat(driver.completeJob("release-seat", Map.of()).getElementId()).isEqualTo("Task_ReleaseSeatDeclined");
    ActivatedJob status = driver.completeJob(STATUS, Map.of());

    assertThat(status.getElementId()).isEqualTo("EndEvent_OfferDeclined");
    assertThat(status.getCustomHeaders())
        .containsEntry("status", "OFFER_DECLINED")
        .containsEntry("candidateMessage", "offer-declined");
    offer(journey).hasPassedElementsInOrder("Event_OfferAnswered", "Gateway_OfferAccepted", "EndEvent_Declined");
    assertThat(journey.instance).hasVariableWithValue("offerOutcome", "DECLINED").isCompleted();
  }

  @Test
  void anUnansweredOfferExpiresReleasesTheSeatAndEndsExpired() {
    EngineJourney journey = new EngineJourney(driver, "app-1").toOfferOut();

    driver.increaseTime(Duration.ofDays(6));
    offer(journey).isWaitingAtElements("Gateway_AwaitAnswer").hasNotPassedElement("Event_OfferDeadline");
    driver.increaseTime(Duration.ofDays(2));
    assertThat(driver.completeJob("release-seat", Map.of()).getElementId()).isEqualTo("Task_ReleaseSeatExpired");
    ActivatedJob status = driver.completeJob(STATUS, Map.of());

    assertThat(status.getElementId()).isEqualTo("EndEvent_OfferExpired");
    assertThat(status.getCustomHeaders())
        .containsEntry("status", "OFFER_EXPIRED")
        .containsEntry("candidateMessage", "offer-expired");
    offer(journey)
        .hasPassedElementsInOrder("Event_OfferDeadline", "Task_ReleaseSeatExpired", "EndEvent_Expired")
        .hasNotPassedElement("Event_OfferAnswered");
    assertThat(journey.instance).hasVariableWithValue("offerOutcome", "EXPIRED").isCompleted();
  }

  @Test
  void anUnconfirmedStartDateReleasesTheSeatAndEndsExpired() {
    EngineJourney journey = new EngineJourney(driver, "app-1").toStartDateConfirmation();

    driver.increaseTime(Duration.ofDays(8));
    assertThat(driver.completeJob("release-seat", Map.of()).getElementId()).isEqualTo("Task_ReleaseSeatUnconfirmed");
    ActivatedJob status = driver.completeJob(STATUS, Map.of());

    assertThat(status.getElementId()).isEqualTo("EndEvent_OfferExpired");
    offer(journey)
        .hasPassedElementsInOrder("Event_StartDateDeadline", "Task_ReleaseSeatUnconfirmed", "EndEvent_StartDateNotConfirmed")
        .hasNotPassedElement("Task_TakeSeat");
    assertThat(journey.instance).hasVariableWithValue("offerOutcome", "EXPIRED").isCompleted();
  }

  private ProcessInstanceAssert offer(EngineJourney journey) {
    return new ProcessInstanceAssert(driver.calledInstanceKey(journey.key()), driver.records());
  }
}
