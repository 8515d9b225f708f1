package com.internhire.intake;

import com.internhire.candidate.PersonalData;
import com.internhire.platform.DomainException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * R8 for the candidate: {@code GET} their own data as JSON, {@code DELETE} it. Erasure on
 * request waits until no application is open (withdraw first) and is refused once hired.
 */
@RestController
@RequestMapping("/api/applications/{id}/personal-data")
class PrivacyController {

  private final CandidateAccess access;
  private final PersonalData personalData;

  PrivacyController(CandidateAccess access, PersonalData personalData) {
    this.access = access;
    this.personalData = personalData;
  }

  @GetMapping
  Map<String, Object> export(
      @PathVariable UUID id, @RequestHeader(name = CandidateAccess.TOKEN_HEADER, required = false) String token) {
    access.requireOwn(id, token);
    return personalData.export(id);
  }

  @DeleteMapping
  ResponseEntity<Void> erase(
      @PathVariable UUID id, @RequestHeader(name = CandidateAccess.TOKEN_HEADER, required = false) String token) {
    access.requireOwn(id, token);
    if (personalData.hasOpenOrHiredApplication(id)) {
      throw DomainException.conflict(
          "erasure-not-yet",
          "Erasure not possible yet",
          "An application of yours is still open (withdraw it first) or ended in a hire, whose records the employer must keep.");
    }
    personalData.erase(id, "candidate request");
    return ResponseEntity.noContent().build();
  }
}
