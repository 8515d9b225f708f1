package com.internhire.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Applications and the candidates behind them. */
@Repository
public class ApplicationRepository {

  private static final String COLUMNS =
      """
      id, candidate_id, position_id, slot, status, availability_start, availability_end, cohort_fit,
      process_instance_key, candidate_token_hash, submitted_at, closed_at
      """;

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ApplicationRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public Optional<StoredApplication> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from application where id = :id")
        .param("id", id)
        .query(ApplicationRepository::map)
        .optional();
  }

  Optional<StoredApplication> findByCandidateAndPosition(UUID candidateId, String positionId) {
    return jdbc.sql("select " + COLUMNS + " from application where candidate_id = :c and position_id = :p")
        .param("c", candidateId)
        .param("p", positionId)
        .query(ApplicationRepository::map)
        .optional();
  }

  List<Integer> slotsOf(UUID candidateId) {
    return jdbc.sql("select slot from application where candidate_id = :c order by slot")
        .param("c", candidateId)
        .query(Integer.class)
        .list();
  }

  Optional<UUID> findCandidateByEmail(String normalisedEmail) {
    return jdbc.sql("select id from candidate where email = :email")
        .param("email", normalisedEmail)
        .query(UUID.class)
        .optional();
  }

  void insertCandidate(UUID id, SubmissionRequest.Candidate candidate) {
    jdbc.sql(
            "insert into candidate (id, email, name, phone, created_at) values (:id, :email, :name, :phone, :now)")
        .param("id", id)
        .param("email", candidate.email())
        .param("name", candidate.name())
        .param("phone", candidate.phone())
        .param("now", now())
        .update();
  }

  void insertApplication(
      UUID id, UUID candidateId, int slot, SubmissionRequest request, boolean cohortFit, String tokenHash) {
    var education = request.education();
    var availability = request.availability();
    jdbc.sql(
            """
            insert into application (
              id, candidate_id, position_id, slot, status, education_level, field_of_study, enrolled,
              expected_graduation, english_level, skills, experience, availability_start, availability_end,
              cohort_fit, privacy_policy_version, privacy_accepted_at, candidate_token_hash,
              submitted_at, updated_at)
            values (
              :id, :candidateId, :positionId, :slot, :status, :level, :field, :enrolled,
              :graduation, :english, :skills, :experience, :availStart, :availEnd,
              :cohortFit, :policyVersion, :now, :tokenHash, :now, :now)
            """)
        .param("id", id)
        .param("candidateId", candidateId)
        .param("positionId", request.positionId())
        .param("slot", slot)
        .param("status", ApplicationStatus.SUBMITTED.name())
        .param("level", education.level().name())
        .param("field", education.field().trim())
        .param("enrolled", education.enrolled())
        .param("graduation", education.expectedGraduation())
        .param("english", request.englishLevel().name())
        .param("skills", toJson(request.skills().stream().map(String::trim).toList()))
        .param("experience", toJson(request.experience()))
        .param("availStart", availability == null ? null : Date.valueOf(availability.start()))
        .param("availEnd", availability == null ? null : Date.valueOf(availability.end()))
        .param("cohortFit", cohortFit)
        .param("policyVersion", request.privacyPolicy().version())
        .param("tokenHash", tokenHash)
        .param("now", now())
        .update();
  }

  public ScreeningFacts screeningFacts(UUID id) {
    return jdbc.sql(
            """
            select enrolled, education_level, field_of_study, experience, skills, english_level, cohort_fit
            from application where id = :id
            """)
        .param("id", id)
        .query(
            (rs, n) ->
                new ScreeningFacts(
                    rs.getBoolean("enrolled"),
                    rs.getString("education_level"),
                    rs.getString("field_of_study"),
                    fromJson(rs.getString("experience"), new TypeReference<List<Map<String, Object>>>() {}),
                    fromJson(rs.getString("skills"), new TypeReference<List<String>>() {}),
                    rs.getString("english_level"),
                    rs.getBoolean("cohort_fit")))
        .optional()
        .orElseThrow(() -> new IllegalArgumentException("No application " + id));
  }

  /** Records the screening outcome; false if it was recorded before (a repeated job). */
  public boolean recordScreening(UUID id, int score, String recommendation, int priority, Instant reviewDueAt) {
    return jdbc.sql(
            """
            update application
               set status = :status, screening_score = :score, screening_recommendation = :recommendation,
                   screening_priority = :priority, review_due_at = :due, updated_at = :now
             where id = :id and screening_priority is null
            """)
            .param("id", id)
            .param("status", ApplicationStatus.SCREENED.name())
            .param("score", score)
            .param("recommendation", recommendation)
            .param("priority", priority)
            .param("due", reviewDueAt.atOffset(ZoneOffset.UTC))
            .param("now", now())
            .update()
        == 1;
  }

  public Optional<ScreeningOutcome> screeningOutcome(UUID id) {
    return jdbc.sql(
            """
            select screening_score, screening_recommendation, screening_priority, review_due_at
            from application where id = :id and screening_priority is not null
            """)
        .param("id", id)
        .query(
            (rs, n) ->
                new ScreeningOutcome(
                    rs.getInt("screening_score"),
                    rs.getString("screening_recommendation"),
                    rs.getInt("screening_priority"),
                    rs.getObject("review_due_at", OffsetDateTime.class).toInstant()))
        .optional();
  }

  /** Moves an application to a status; false if it already had it (a repeated job). */
  public boolean updateStatus(UUID id, ApplicationStatus status) {
    return jdbc.sql(
            """
            update application set status = :status, updated_at = :now,
                   closed_at = case when :concluded then :now else closed_at end
             where id = :id and status <> :status
            """)
            .param("id", id)
            .param("status", status.name())
            .param("concluded", status.concluded())
            .param("now", now())
            .update()
        == 1;
  }

  /**
   * Ties a process instance to its application. True when this instance is (now) the
   * application's one; false when another instance already owns it (a duplicate start).
   */
  public boolean adoptProcessInstance(UUID id, long processInstanceKey) {
    return jdbc.sql(
            """
            update application set process_instance_key = :key
             where id = :id and (process_instance_key is null or process_instance_key = :key)
            """)
            .param("id", id)
            .param("key", processInstanceKey)
            .update()
        == 1;
  }

  List<PendingStart> pendingStarts(int limit) {
    return jdbc.sql(
            """
            select id, position_id from application
             where process_instance_key is null and closed_at is null
               and (process_start_claimed_until is null or process_start_claimed_until < :now)
             order by submitted_at
             limit :limit
            """)
        .param("now", now())
        .param("limit", limit)
        .query((rs, n) -> new PendingStart(rs.getObject("id", UUID.class), rs.getString("position_id")))
        .list();
  }

  boolean claimStart(UUID id, Instant until) {
    return jdbc.sql(
            """
            update application set process_start_claimed_until = :until
             where id = :id and process_instance_key is null
               and (process_start_claimed_until is null or process_start_claimed_until < :now)
            """)
            .param("id", id)
            .param("until", until.atOffset(ZoneOffset.UTC))
            .param("now", now())
            .update()
        == 1;
  }

  record PendingStart(UUID id, String positionId) {}

  /** The stored result of screening. */
  public record ScreeningOutcome(int score, String recommendation, int priority, Instant reviewDueAt) {}

  private static StoredApplication map(ResultSet rs, int n) throws SQLException {
    Date start = rs.getDate("availability_start");
    Date end = rs.getDate("availability_end");
    OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
    Long processInstanceKey = rs.getObject("process_instance_key", Long.class);
    return new StoredApplication(
        rs.getObject("id", UUID.class),
        rs.getObject("candidate_id", UUID.class),
        rs.getString("position_id"),
        rs.getInt("slot"),
        ApplicationStatus.valueOf(rs.getString("status")),
        start == null ? null : start.toLocalDate(),
        end == null ? null : end.toLocalDate(),
        rs.getBoolean("cohort_fit"),
        processInstanceKey,
        rs.getString("candidate_token_hash"),
        rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
        closed == null ? null : closed.toInstant());
  }

  private static OffsetDateTime now() {
    return Instant.now().atOffset(ZoneOffset.UTC);
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private <T> T fromJson(String value, TypeReference<T> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
