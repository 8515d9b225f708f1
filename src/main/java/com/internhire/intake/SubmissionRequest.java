package com.internhire.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.internhire.position.Availability;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/** Body of {@code POST /api/applications}, as a career site sends it. */
public record SubmissionRequest(
    @NotBlank @Size(max = 64) String positionId,
    @NotNull @Valid Candidate candidate,
    @NotNull @Valid Education education,
    @NotNull @Size(max = 20) List<@NotNull @Valid Experience> experience,
    @NotNull @Size(max = 30) List<@NotBlank @Size(max = 40) String> skills,
    @NotNull EnglishLevel englishLevel,
    @Valid Availability availability,
    @NotNull @Valid PrivacyPolicy privacyPolicy) {

  /** Personal data: stays in our database, never in process variables (R8). */
  public record Candidate(
      @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String name,
      @NotBlank @Size(max = 320) @Email(regexp = "[^\\s@\\p{Cntrl}]+@[^\\s@\\p{Cntrl}]+\\.[^\\s@\\p{Cntrl}]+") String email,
      @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()./-]{3,40}", message = "must be a phone number") String phone) {

    public Candidate {
      email = email == null ? null : email.trim().toLowerCase(Locale.ROOT);
      name = name == null ? null : name.trim();
      phone = phone == null || phone.isBlank() ? null : phone.trim();
    }
  }

  public record Education(
      @NotNull EducationLevel level,
      @NotBlank @Size(max = 120) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String field,
      @NotNull Boolean enrolled,
      @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month like 2027-06") String expectedGraduation) {}

  public record Experience(
      @NotNull ExperienceKind kind,
      @NotNull ExperienceDomain domain,
      @Size(max = 200) String title,
      @NotNull @Min(0) @Max(600) Integer months) {}

  public record PrivacyPolicy(
      @NotNull Boolean accepted,
      @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a policy version like 2026-01") String version) {}

  public enum EducationLevel { BACHELOR, MASTER, PHD, OTHER }

  public enum ExperienceKind { INTERNSHIP, PROJECT, JOB }

  public enum ExperienceDomain { DATA, BUSINESS_ANALYSIS, ADS_MARKETING, SOFTWARE, OTHER }

  public enum EnglishLevel { BASIC, INTERMEDIATE, BUSINESS, NATIVE }

  @JsonIgnore
  @AssertTrue(message = "must not list a skill twice")
  public boolean isSkillsDistinct() {
    return skills == null
        || skills.stream().filter(s -> s != null).map(s -> s.trim().toUpperCase(Locale.ROOT)).distinct().count()
            == skills.stream().filter(s -> s != null).count();
  }
}
