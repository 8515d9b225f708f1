package com.internhire.application;

import com.internhire.position.Availability;
import java.util.List;
import java.util.UUID;

/**
 * A submission as the application module stores it: the non-personal facts screening decides
 * on (R5-R7), the consent (R8), the slot and turn R1 and R2 gave it, and the hash of the
 * candidate's token. The person's contact details are the candidate module's.
 */
public record NewApplication(
    UUID id,
    UUID candidateId,
    String positionId,
    int slot,
    String educationLevel,
    String fieldOfStudy,
    boolean enrolled,
    String expectedGraduation,
    String englishLevel,
    List<String> skills,
    List<Experience> experience,
    Availability availability,
    boolean cohortFit,
    String privacyPolicyVersion,
    String candidateTokenHash,
    UUID waitsFor) {

  /** One entry of the candidate's experience, as the screening decision reads it. */
  public record Experience(String kind, String domain, String title, int months) {}
}
