package com.internhire.intake;

import com.internhire.application.ApplicationRepository;
import com.internhire.application.ApplicationStatus;
import com.internhire.application.ProcessStarter;
import com.internhire.application.StoredApplication;
import com.internhire.audit.AuditAction;
import com.internhire.audit.AuditTrail;
import com.internhire.candidate.Candidates;
import com.internhire.application.NewApplication;
import com.internhire.position.Availability;
import com.internhire.position.Position;
import com.internhire.position.PositionRepository;
import com.internhire.platform.DomainException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a submission in one database transaction: the candidate (by normalised e-mail),
 * the application in one of the candidate's two slots (R1, enforced by unique
 * constraints, so concurrent submissions cannot overrun it), the consent (R8) and the
 * first audit row. The process starts after the commit (see {@link ProcessStarter}), so
 * the acknowledgement never waits for the engine and is never lost.
 */
@Service
class IntakeService {

  private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
  private static final int MAX_ATTEMPTS = 10;

  private final ApplicationRepository applications;
  private final Candidates candidates;
  private final PositionRepository positions;
  private final AuditTrail audit;
  private final TransactionTemplate tx;
  private final ProcessStarter starter;
  /**
   * Submissions by one candidate take turns in this service before their transaction starts.
   * The database decides R1 on its own (row lock, unique constraints, retry), but two
   * transactions inserting the same candidate make the embedded H2 retry in a busy loop until
   * the other commits; on virtual threads two such loops can hold both carriers and starve the
   * very transaction they wait for (seen as lock timeouts under a burst). Striped by e-mail,
   * so different candidates rarely wait for each other. Replicas still rely on the database.
   */
  private final ReentrantLock[] candidateTurns = new ReentrantLock[512];

  IntakeService(
      ApplicationRepository applications,
      Candidates candidates,
      PositionRepository positions,
      AuditTrail audit,
      TransactionTemplate tx,
      ProcessStarter starter) {
    this.applications = applications;
    this.candidates = candidates;
    this.positions = positions;
    this.audit = audit;
    this.tx = tx;
    this.starter = starter;
    for (int i = 0; i < candidateTurns.length; i++) {
      candidateTurns[i] = new ReentrantLock();
    }
  }

  /** The outcome of a submission: a new application (with its token) or the earlier one. */
  public record Submission(StoredApplication application, boolean created, String candidateToken) {}

  public Submission submit(SubmissionRequest request) {
    if (!Boolean.TRUE.equals(request.privacyPolicy().accepted())) {
      throw new DomainException(
          DomainException.Kind.INVALID,
          "privacy-policy-not-accepted",
          "Privacy policy not accepted",
          "An application can only be taken when the applicant privacy policy is accepted (version "
              + request.privacyPolicy().version()
              + ").",
          Map.of("errors", List.of(new DomainException.FieldError("privacyPolicy.accepted", "must be true"))));
    }
    Position position =
        positions.findById(request.positionId()).orElseThrow(() -> DomainException.positionNotFound(request.positionId()));
    if (!"OPEN".equals(position.status())) {
      throw DomainException.conflict(
          "position-filled", "Position filled", "All places of " + position.id() + " have been filled; it takes no more applications.");
    }
    boolean cohortFit = position.fits(request.availability());

    ReentrantLock turn = candidateTurns[Math.floorMod(request.candidate().email().hashCode(), candidateTurns.length)];
    turn.lock();
    Submission submission;
    try {
      submission = submitWithRetries(request, cohortFit);
    } finally {
      turn.unlock();
    }
    if (submission.created()) {
      starter.wakeUp();
    }
    return submission;
  }

  private Submission submitWithRetries(SubmissionRequest request, boolean cohortFit) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.execute(status -> submitOnce(request, cohortFit));
      } catch (DuplicateKeyException | ConcurrencyFailureException race) {
        // Another submission by the same candidate (through another replica) committed first; look again.
        if (attempt >= MAX_ATTEMPTS) {
          throw race;
        }
        log.debug("Concurrent submission detected, attempt {}", attempt);
        pause(attempt);
      }
    }
  }

  private Submission submitOnce(SubmissionRequest request, boolean cohortFit) {
    // Locks the candidate's row: R1 and R2 are decided for one candidate at a time.
    Optional<UUID> existingCandidate = candidates.lockByEmail(request.candidate().email());
    UUID candidateId = existingCandidate.orElseGet(UUID::randomUUID);
    List<StoredApplication> earlier = List.of();
    if (existingCandidate.isPresent()) {
      earlier = applications.applicationsOf(candidateId);
      Optional<StoredApplication> same =
          earlier.stream().filter(a -> a.positionId().equals(request.positionId())).findFirst();
      if (same.isPresent()) {
        return new Submission(same.get(), false, null);
      }
    } else {
      SubmissionRequest.Candidate person = request.candidate();
      candidates.register(candidateId, new Candidates.Contact(person.name(), person.email(), person.phone()));
    }
    if (earlier.size() >= 2) {
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "two-application-limit",
          "Two-application limit reached",
          "A candidate may hold at most two applications across the company and its affiliates this season,"
              + " and this candidate holds two already.");
    }
    int slot = earlier.stream().anyMatch(a -> a.slot() == 1) ? 2 : 1;
    // R2: considered in the order applied. The new application waits while the earlier one
    // is open, or is closed as hired elsewhere if the earlier one ended in a hire.
    UUID waitsFor =
        earlier.stream()
            .filter(a -> !a.concluded() || a.status() == ApplicationStatus.HIRED)
            .map(StoredApplication::id)
            .findFirst()
            .orElse(null);
    UUID applicationId = UUID.randomUUID();
    String token = CandidateTokens.newToken();
    applications.insert(newApplication(applicationId, candidateId, slot, request, cohortFit, CandidateTokens.hash(token), waitsFor));

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("positionId", request.positionId());
    details.put("slot", slot);
    details.put("privacyPolicyVersion", request.privacyPolicy().version());
    details.put("cohortFit", cohortFit);
    Availability availability = request.availability();
    details.put("availabilityStated", availability != null);
    if (waitsFor != null) {
      details.put("waitsFor", waitsFor.toString());
    }
    audit.record(applicationId, "candidate", AuditAction.SUBMITTED, details);
    return new Submission(applications.find(applicationId).orElseThrow(), true, token);
  }

  private static NewApplication newApplication(
      UUID id, UUID candidateId, int slot, SubmissionRequest request, boolean cohortFit, String tokenHash, UUID waitsFor) {
    var education = request.education();
    return new NewApplication(
        id,
        candidateId,
        request.positionId(),
        slot,
        education.level().name(),
        education.field().trim(),
        education.enrolled(),
        education.expectedGraduation(),
        request.englishLevel().name(),
        request.skills().stream().map(String::trim).toList(),
        request.experience().stream()
            .map(e -> new NewApplication.Experience(e.kind().name(), e.domain().name(), e.title(), e.months()))
            .toList(),
        request.availability(),
        cohortFit,
        request.privacyPolicy().version(),
        tokenHash,
        waitsFor);
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(50, 2L * attempt + (long) (Math.random() * 5)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while retrying a submission", e);
    }
  }
}
