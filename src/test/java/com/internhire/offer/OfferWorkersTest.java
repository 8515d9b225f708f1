package com.internhire.offer;

import static com.internhire.support.TestData.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.internhire.application.ApplicationRepository;
import com.internhire.audit.AuditTrail;
import com.internhire.position.PositionRepository;
import com.internhire.support.TestData;
import com.internhire.support.WorkerSliceTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Seats (R5) and the hand-over (R10), each delivered twice where it matters (R12). */
@WorkerSliceTest
@Import({OfferWorkers.class, Seats.class, PositionRepository.class, ApplicationRepository.class, AuditTrail.class})
class OfferWorkersTest {

  @Autowired OfferWorkers workers;
  @Autowired Seats seats;
  @Autowired JdbcClient jdbc;

  @Test
  void anOfferHoldsASeatAndNamesTheComputedEndDate() {
    String position = TestData.position(jdbc, 5, 2);
    UUID id = applicationFor(position);

    Map<String, Object> offer = workers.holdSeat(id.toString(), position, "2026-05-11");
    Map<String, Object> again = workers.holdSeat(id.toString(), position, "2026-05-11");

    assertThat(offer).containsEntry("seatHeld", true).containsEntry("offerStartDate", "2026-05-11").containsEntry("offerEndDate", "2026-08-03");
    assertThat(again).isEqualTo(offer);
    assertThat(seats.of(id)).hasValueSatisfying(seat -> assertThat(seat.state()).isEqualTo("HELD"));
    assertThat(count(jdbc, "select count(*) from audit_event where application_id = :id and action = 'SEAT_HELD'", id)).isEqualTo(1);
  }

  @Test
  void noOfferBeyondTheCohortsCapacityUntilASeatIsReleased() {
    String position = TestData.position(jdbc, 5, 1);
    UUID first = applicationFor(position);
    UUID second = applicationFor(position);
    assertThat(workers.holdSeat(first.toString(), position, "2026-06-08")).containsEntry("seatHeld", true);

    assertThat(workers.holdSeat(second.toString(), position, "2026-06-08")).containsEntry("seatHeld", false);
    assertThat(workers.holdSeat(second.toString(), position, "2026-05-11")).containsEntry("seatHeld", true);

    workers.releaseSeat(TestData.job("release-seat", "Task_ReleaseSeatDeclined", 1L, Map.of()), first.toString());
    workers.releaseSeat(TestData.job("release-seat", "Task_ReleaseSeatDeclined", 1L, Map.of()), first.toString());
    UUID third = applicationFor(position);
    assertThat(workers.holdSeat(third.toString(), position, "2026-06-08")).containsEntry("seatHeld", true);
    assertThat(count(jdbc, "select count(*) from audit_event where application_id = :id and action = 'SEAT_RELEASED'", first))
        .isEqualTo(1);
  }

  @Test
  void confirmingTakesTheSeatRecordsTheDatesAndMayMoveToAnotherCohort() {
    String position = TestData.position(jdbc, 5, 3);
    UUID id = applicationFor(position);
    workers.holdSeat(id.toString(), position, "2026-05-11");

    workers.takeSeat(id.toString(), position, "2026-06-08");
    workers.takeSeat(id.toString(), position, "2026-06-08");

    assertThat(seats.of(id)).hasValueSatisfying(seat -> {
      assertThat(seat.state()).isEqualTo("TAKEN");
      assertThat(seat.startDate()).hasToString("2026-06-08");
    });
    assertThat(jdbc.sql("select cast(end_date as varchar) from application where id = :id").param("id", id).query(String.class).single())
        .isEqualTo("2026-08-31");
    workers.releaseSeat(TestData.job("release-seat", "Task_ReleaseSeatOnWithdrawal", 1L, Map.of()), id.toString());
    assertThat(seats.of(id).orElseThrow().state()).as("a taken seat stays taken").isEqualTo("TAKEN");
  }

  @Test
  void takingASeatInAFullCohortFailsTheJob() {
    String position = TestData.position(jdbc, 5, 1);
    UUID holder = applicationFor(position);
    UUID id = applicationFor(position);
    workers.holdSeat(holder.toString(), position, "2026-06-08");
    workers.holdSeat(id.toString(), position, "2026-05-11");

    assertThatThrownBy(() -> workers.takeSeat(id.toString(), position, "2026-06-08")).hasMessageContaining("no free seat");
  }

  @Test
  void theHireIsHandedOverOnce() {
    String position = TestData.position(jdbc, 5, null);
    UUID id = applicationFor(position);
    workers.holdSeat(id.toString(), position, "2026-05-11");
    workers.takeSeat(id.toString(), position, "2026-05-11");

    workers.handOver(id.toString());
    workers.handOver(id.toString());

    String payload =
        jdbc.sql("select payload from onboarding_handover where application_id = :id").param("id", id).query(String.class).single();
    assertThat(payload).contains("\"type\":\"intern-hired\"", "\"startDate\":\"2026-05-11\"", "\"endDate\":\"2026-08-03\"")
        .doesNotContain("Ada", "@");
    assertThat(count(jdbc, "select count(*) from audit_event where application_id = :id and action = 'HANDED_OVER'", id)).isEqualTo(1);
  }

  private UUID applicationFor(String position) {
    UUID id = TestData.application(jdbc);
    TestData.movePosition(jdbc, id, position);
    return id;
  }
}
