package com.internhire.intake;

import com.internhire.application.ApplicationRepository;
import com.internhire.application.StoredApplication;
import com.internhire.platform.security.Roles;
import com.internhire.platform.DomainException;
import com.internhire.audit.AuditTrail;
import com.internhire.position.Availability;
import com.internhire.engine.Await;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The intake API a career site calls. */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

  static final String TOKEN_HEADER = CandidateAccess.TOKEN_HEADER;

  private static final Duration SETTLE = Duration.ofSeconds(5);

  private final IntakeService intake;
  private final ApplicationRepository applications;
  private final CandidateActions actions;
  private final AuditTrail audit;
  private final CandidateAccess access;

  ApplicationController(
      IntakeService intake,
      ApplicationRepository applications,
      CandidateActions actions,
      AuditTrail audit,
      CandidateAccess access) {
    this.intake = intake;
    this.applications = applications;
    this.actions = actions;
    this.audit = audit;
    this.access = access;
  }

  @PostMapping
  ResponseEntity<ApplicationView> submit(@Valid @RequestBody SubmissionRequest request) {
    IntakeService.Submission submission = intake.submit(request);
    StoredApplication application = submission.application();
    URI location = URI.create("/api/applications/" + application.id());
    if (!submission.created()) {
      return ResponseEntity.ok().location(location).body(ApplicationView.of(application));
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(location)
        .body(ApplicationView.of(application, submission.candidateToken()));
  }

  @GetMapping("/{id}")
  ApplicationView status(
      @PathVariable UUID id,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token,
      Authentication authentication) {
    StoredApplication application =
        applications.find(id).orElseThrow(() -> DomainException.notFound("application", id));
    authorise(application, token, authentication);
    return ApplicationView.of(application);
  }

  /** R4: the availability the application waits for. */
  @PostMapping("/{id}/availability")
  ResponseEntity<ApplicationView> availability(
      @PathVariable UUID id,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token,
      @Valid @RequestBody Availability body) {
    StoredApplication application = ownApplication(id, token);
    actions.provideAvailability(application, body);
    return settled(application);
  }

  /** R10: the candidate's answer to an offer. */
  @PostMapping("/{id}/offer-response")
  ResponseEntity<ApplicationView> offerResponse(
      @PathVariable UUID id,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token,
      @Valid @RequestBody OfferResponse body) {
    StoredApplication application = ownApplication(id, token);
    actions.answerOffer(application, body.accept());
    return settled(application);
  }

  /** R10: the confirmed start date, one of the cohort dates inside the availability. */
  @PostMapping("/{id}/start-date")
  ResponseEntity<ApplicationView> startDate(
      @PathVariable UUID id,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token,
      @Valid @RequestBody StartDate body) {
    StoredApplication application = ownApplication(id, token);
    actions.confirmStartDate(application, body.startDate());
    return settled(application);
  }

  /** R11: withdraw at any stage before the start date is confirmed. */
  @PostMapping("/{id}/withdraw")
  ResponseEntity<ApplicationView> withdraw(
      @PathVariable UUID id, @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
    StoredApplication application = ownApplication(id, token);
    actions.withdraw(application);
    return settled(application);
  }

  /** Who decided what, when, on which rule version, from which inputs (auditors, recruiters). */
  @GetMapping("/{id}/history")
  List<AuditTrail.AuditEvent> history(@PathVariable UUID id) {
    applications.find(id).orElseThrow(() -> DomainException.notFound("application", id));
    return audit.history(id);
  }

  record OfferResponse(@NotNull Boolean accept) {}

  record StartDate(@NotNull LocalDate startDate) {}

  private StoredApplication ownApplication(UUID id, String token) {
    return access.requireOwn(id, token);
  }

  /**
   * The engine moves the application on within moments: 200 with the new stage once it has,
   * 202 with the current one if it has not yet.
   */
  private ResponseEntity<ApplicationView> settled(StoredApplication before) {
    boolean moved =
        Await.until(SETTLE, () -> applications.find(before.id()).orElseThrow().status() != before.status());
    StoredApplication now = applications.find(before.id()).orElseThrow();
    return moved ? ResponseEntity.ok(ApplicationView.of(now)) : ResponseEntity.accepted().body(ApplicationView.of(now));
  }


  /** A candidate sees only their own application (token); staff see all. */
  static void authorise(StoredApplication application, String token, Authentication authentication) {
    if (!Roles.isStaff(authentication)) {
      CandidateAccess.check(application, token);
    }
  }
}
