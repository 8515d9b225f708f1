package com.internhire.application;

import com.internhire.security.Roles;
import com.internhire.web.ApiProblem;
import jakarta.validation.Valid;
import java.net.URI;
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

  static final String TOKEN_HEADER = "X-Candidate-Token";

  private final IntakeService intake;
  private final ApplicationRepository applications;

  ApplicationController(IntakeService intake, ApplicationRepository applications) {
    this.intake = intake;
    this.applications = applications;
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
        applications.find(id).orElseThrow(() -> ApiProblem.notFound("application", id));
    authorise(application, token, authentication);
    return ApplicationView.of(application);
  }

  /** A candidate sees only their own application (token); staff see all. */
  static void authorise(StoredApplication application, String token, Authentication authentication) {
    if (Roles.isStaff(authentication)) {
      return;
    }
    if (token == null || token.isBlank()) {
      throw new ApiProblem(
          HttpStatus.UNAUTHORIZED,
          "candidate-token-required",
          "Candidate token required",
          "Send the candidateToken you received on submission in the " + TOKEN_HEADER + " header.");
    }
    if (!CandidateTokens.matches(token, application.candidateTokenHash())) {
      throw ApiProblem.forbidden("This token does not belong to this application.");
    }
  }
}
