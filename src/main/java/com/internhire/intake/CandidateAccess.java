package com.internhire.intake;

import com.internhire.application.ApplicationRepository;
import com.internhire.application.StoredApplication;
import com.internhire.platform.DomainException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A candidate acts on their own application only, proven by the token handed out in the
 * 201 of their submission ({@code X-Candidate-Token}): none is 401, another's is 403.
 */
@Component
class CandidateAccess {

  public static final String TOKEN_HEADER = "X-Candidate-Token";

  private final ApplicationRepository applications;

  CandidateAccess(ApplicationRepository applications) {
    this.applications = applications;
  }

  public StoredApplication requireOwn(UUID applicationId, String token) {
    StoredApplication application =
        applications.find(applicationId).orElseThrow(() -> DomainException.notFound("application", applicationId));
    check(application, token);
    return application;
  }

  static void check(StoredApplication application, String token) {
    if (token == null || token.isBlank()) {
      throw new DomainException(
          DomainException.Kind.UNAUTHENTICATED,
          "candidate-token-required",
          "Candidate token required",
          "Send the candidateToken you received on submission in the " + TOKEN_HEADER + " header.");
    }
    if (!CandidateTokens.matches(token, application.candidateTokenHash())) {
      throw DomainException.forbidden("This token does not belong to this application.");
    }
  }
}
