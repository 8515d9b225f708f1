package com.internhire.intake;

import com.internhire.application.ApplicationRepository;
import com.internhire.application.ApplicationStatus;
import com.internhire.application.StoredApplication;
import com.internhire.audit.AuditAction;
import com.internhire.audit.AuditTrail;
import com.internhire.offer.Seats;
import com.internhire.position.Availability;
import com.internhire.position.CohortCalendar;
import com.internhire.position.Position;
import com.internhire.position.PositionRepository;
import com.internhire.engine.ProcessEvents;
import com.internhire.platform.DomainException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a candidate does with their application: state availability (R4), answer an offer
 * and confirm a start date (R10), withdraw (R11). Each checks the status, records the act,
 * and sends the model the message it waits for; the engine moves the application on.
 */
@Service
class CandidateActions {

  private static final Set<ApplicationStatus> NOT_WITHDRAWABLE = EnumSet.of(ApplicationStatus.HIRED);

  private final ApplicationRepository applications;
  private final PositionRepository positions;
  private final Seats seats;
  private final AuditTrail audit;
  private final ProcessEvents events;
  private final TransactionTemplate tx;

  CandidateActions(
      ApplicationRepository applications,
      PositionRepository positions,
      Seats seats,
      AuditTrail audit,
      ProcessEvents events,
      TransactionTemplate tx) {
    this.applications = applications;
    this.positions = positions;
    this.seats = seats;
    this.audit = audit;
    this.events = events;
    this.tx = tx;
  }

  void provideAvailability(StoredApplication application, Availability availability) {
    requireStatus(application, ApplicationStatus.AWAITING_AVAILABILITY, "state your availability");
    Position position = positions.findById(application.positionId()).orElseThrow();
    boolean cohortFit = position.fits(availability);
    tx.executeWithoutResult(
        s -> {
          applications.updateAvailability(application.id(), availability.start(), availability.end(), cohortFit);
          audit.record(
              application.id(),
              "candidate",
              AuditAction.AVAILABILITY_PROVIDED,
              Map.of("start", availability.start().toString(), "end", availability.end().toString(), "cohortFit", cohortFit));
        });
    send(application, ProcessEvents.AVAILABILITY_PROVIDED, Map.of());
  }

  void answerOffer(StoredApplication application, boolean accept) {
    requireStatus(application, ApplicationStatus.OFFERED, "answer an offer");
    tx.executeWithoutResult(s -> audit.record(application.id(), "candidate", AuditAction.OFFER_ANSWERED, Map.of("accept", accept)));
    send(application, ProcessEvents.OFFER_ANSWERED, Map.of("offerAccepted", accept));
  }

  void confirmStartDate(StoredApplication application, LocalDate startDate) {
    requireStatus(application, ApplicationStatus.OFFER_ACCEPTED, "confirm a start date");
    Position position = positions.findById(application.positionId()).orElseThrow();
    List<LocalDate> allowed =
        CohortCalendar.startDatesWithin(application.availability(), position.cohortStartDates());
    if (!allowed.contains(startDate)) {
      throw new DomainException(
          DomainException.Kind.INVALID,
          "invalid-start-date",
          "Not a possible start date",
          startDate + " is not one of the cohort start dates inside your availability: " + allowed + ".",
          Map.of("errors", List.of(new DomainException.FieldError("startDate", "must be one of " + allowed))));
    }
    boolean room =
        Boolean.TRUE.equals(
            tx.execute(
                s ->
                    seats.of(application.id()).map(seat -> seat.startDate().equals(startDate)).orElse(false)
                        || seats.hasRoom(position.id(), startDate, application.id())));
    if (!room) {
      throw DomainException.conflict(
          "cohort-full", "Cohort full", "The cohort starting " + startDate + " has no free seat; choose another date.");
    }
    tx.executeWithoutResult(
        s -> audit.record(application.id(), "candidate", AuditAction.START_DATE_CONFIRMED, Map.of("startDate", startDate.toString())));
    send(application, ProcessEvents.START_DATE_CONFIRMED, Map.of("confirmedStartDate", startDate.toString()));
  }

  void withdraw(StoredApplication application) {
    if (application.concluded() || NOT_WITHDRAWABLE.contains(application.status())) {
      throw wrongStage(application, "withdraw it");
    }
    tx.executeWithoutResult(s -> audit.record(application.id(), "candidate", AuditAction.WITHDRAWAL_REQUESTED, Map.of()));
    send(application, ProcessEvents.APPLICATION_WITHDRAWN, Map.of());
  }

  private void send(StoredApplication application, String message, Map<String, Object> variables) {
    if (!events.publish(message, application.id().toString(), variables)) {
      throw DomainException.conflict(
          "already-received", "Already received", "This answer was received already; the application is moving on.");
    }
  }

  private static void requireStatus(StoredApplication application, ApplicationStatus status, String action) {
    if (application.status() != status) {
      throw wrongStage(application, action);
    }
  }

  private static DomainException wrongStage(StoredApplication application, String action) {
    return new DomainException(
        DomainException.Kind.CONFLICT,
        "wrong-stage",
        "Not possible at this stage",
        "You cannot " + action + " now: this application's stage is '" + application.status().plainWords() + "'.",
        Map.of("status", application.status().name()));
  }
}
