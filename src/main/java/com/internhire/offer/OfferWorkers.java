package com.internhire.offer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.internhire.application.ApplicationRepository;
import com.internhire.application.StoredApplication;
import com.internhire.audit.AuditAction;
import com.internhire.audit.AuditTrail;
import com.internhire.position.CohortCalendar;
import com.internhire.position.Position;
import com.internhire.position.PositionRepository;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The offer's service tasks (R5, R10): hold, release and take a cohort seat; hand over to onboarding. */
@Component
public class OfferWorkers {

  private final Seats seats;
  private final PositionRepository positions;
  private final ApplicationRepository applications;
  private final AuditTrail audit;
  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final TransactionTemplate tx;
  private final Clock clock;

  OfferWorkers(
      Seats seats,
      PositionRepository positions,
      ApplicationRepository applications,
      AuditTrail audit,
      JdbcClient jdbc,
      ObjectMapper json,
      TransactionTemplate tx,
      Clock clock) {
    this.clock = clock;
    this.seats = seats;
    this.positions = positions;
    this.applications = applications;
    this.audit = audit;
    this.jdbc = jdbc;
    this.json = json;
    this.tx = tx;
  }

  /** Holds a seat in the proposed cohort; the offer names its start and computed end date. */
  @JobWorker(type = "hold-seat")
  public Map<String, Object> holdSeat(
      @Variable String applicationId, @Variable String positionId, @Variable String proposedStartDate) {
    UUID id = UUID.fromString(applicationId);
    LocalDate start = LocalDate.parse(proposedStartDate);
    Position position = positions.findById(positionId).orElseThrow();
    boolean held = Boolean.TRUE.equals(tx.execute(s -> seats.hold(id, positionId, start)));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("seatHeld", held);
    result.put("offerStartDate", start.toString());
    result.put("offerEndDate", CohortCalendar.endDate(start, position.weeks()).toString());
    if (!held) {
      tx.executeWithoutResult(
          s -> audit.record(id, "system:seats", AuditAction.NO_SEAT, Map.of("positionId", positionId, "startDate", start.toString())));
    }
    return result;
  }

  @JobWorker(type = "release-seat")
  public void releaseSeat(ActivatedJob job, @Variable String applicationId) {
    UUID id = UUID.fromString(applicationId);
    tx.executeWithoutResult(s -> seats.release(id, job.getElementId()));
  }

  /** Takes the seat in the confirmed cohort and records the confirmed dates (R10). */
  @JobWorker(type = "take-seat")
  public void takeSeat(@Variable String applicationId, @Variable String positionId, @Variable String confirmedStartDate) {
    UUID id = UUID.fromString(applicationId);
    LocalDate start = LocalDate.parse(confirmedStartDate);
    Position position = positions.findById(positionId).orElseThrow();
    LocalDate end = CohortCalendar.endDate(start, position.weeks());
    tx.executeWithoutResult(
        s -> {
          seats.take(id, positionId, start);
          applications.confirmDates(id, start, end);
        });
  }

  /**
   * The hire as an event an onboarding system consumes: written once to the hand-over
   * outbox, from which {@link OnboardingDispatcher} delivers it.
   */
  @JobWorker(type = "hand-over-to-onboarding")
  public void handOver(@Variable String applicationId) {
    UUID id = UUID.fromString(applicationId);
    StoredApplication application = applications.find(id).orElseThrow();
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "intern-hired");
    event.put("applicationId", id.toString());
    event.put("candidateId", application.candidateId().toString());
    event.put("positionId", application.positionId());
    event.put("startDate", String.valueOf(application.startDate()));
    event.put("endDate", String.valueOf(application.endDate()));
    event.put("hiredAt", clock.instant().toString());
    String payload;
    try {
      payload = json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    tx.executeWithoutResult(
        s -> {
          int written =
              jdbc.sql(
                      """
                      insert into onboarding_handover (application_id, payload, created_at)
                      select :id, :payload, :now where not exists (select 1 from onboarding_handover where application_id = :id)
                      """)
                  .param("id", id)
                  .param("payload", payload)
                  .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                  .update();
          if (written == 1) {
            audit.record(id, "system:onboarding", AuditAction.HANDED_OVER, event);
          }
        });
  }
}
