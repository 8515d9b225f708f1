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
      process_instance_key, candidate_token_hash, submitted_at, closed_at, waits_for, start_date, end_date
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
      UUID id,
      UUID candidateId,
      int slot,
      SubmissionRequest request,
      boolean cohortFit,
      String tokenHash,
      UUID waitsFor) {
    var education = request.education();
    var availability = request.availability();
    jdbc.sql(
            """
            insert into application (
              id, candidate_id, position_id, slot, status, education_level, field_of_study, enrolled,
              expected_graduation, english_level, skills, experience, availability_start, availability_end,
              cohort_fit, privacy_policy_version, privacy_accepted_at, candidate_token_hash,
              submitted_at, updated_at, waits_for)
            values (
              :id, :candidateId, :positionId, :slot, :status, :level, :field, :enrolled,
              :graduation, :english, :skills, :experience, :availStart, :availEnd,
              :cohortFit, :policyVersion, :now, :tokenHash, :now, :now, :waitsFor)
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
        .param("waitsFor", waitsFor)
        .update();
  }

  /** Serialises everything that concerns one candidate's applications (R1, R2). */
  public void lockCandidate(UUID candidateId) {
    jdbc.sql("select id from candidate where id = :id for update").param("id", candidateId).query(UUID.class).list();
  }

  Optional<UUID> lockCandidateByEmail(String normalisedEmail) {
    return jdbc.sql("select id from candidate where email = :email for update")
        .param("email", normalisedEmail)
        .query(UUID.class)
        .optional();
  }

  List<StoredApplication> applicationsOf(UUID candidateId) {
    return jdbc.sql("select " + COLUMNS + " from application where candidate_id = :c order by slot")
        .param("c", candidateId)
        .query(ApplicationRepository::map)
        .list();
  }

  /** The open application that waits for this one to conclude (R2), if any. */
  public Optional<UUID> waitingFor(UUID applicationId) {
    return jdbc.sql("select id from application where waits_for = :id and closed_at is null")
        .param("id", applicationId)
        .query(UUID.class)
        .optional();
  }

  public void updateAvailability(UUID id, java.time.LocalDate start, java.time.LocalDate end, boolean cohortFit) {
    jdbc.sql(
            """
            update application set availability_start = :start, availability_end = :end, cohort_fit = :fit,
                   updated_at = :now where id = :id
            """)
        .param("id", id)
        .param("start", Date.valueOf(start))
        .param("end", Date.valueOf(end))
        .param("fit", cohortFit)
        .param("now", now())
        .update();
  }

  public void confirmDates(UUID id, java.time.LocalDate start, java.time.LocalDate end) {
    jdbc.sql("update application set start_date = :start, end_date = :end, updated_at = :now where id = :id")
        .param("id", id)
        .param("start", Date.valueOf(start))
        .param("end", Date.valueOf(end))
        .param("now", now())
        .update();
  }

  public int countHired(String positionId) {
    return jdbc.sql("select count(*) from application where position_id = :p and status = 'HIRED'")
        .param("p", positionId)
        .query(Integer.class)
        .single();
  }

  /** The due date of a named wait, created once from {@code duration} and kept (R12, restarts). */
  public Instant deadline(UUID id, String name, java.time.Duration duration) {
    Optional<Instant> existing = findDeadline(id, name);
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant due = Instant.now().plus(duration).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    jdbc.sql("insert into application_deadline (application_id, name, due_at) values (:id, :name, :due)")
        .param("id", id)
        .param("name", name)
        .param("due", due.atOffset(ZoneOffset.UTC))
        .update();
    return due;
  }

  public Optional<Instant> findDeadline(UUID id, String name) {
    return jdbc.sql("select due_at from application_deadline where application_id = :id and name = :name")
        .param("id", id)
        .param("name", name)
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
        .optional();
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
                    // The decision's rules name skills in upper case ("PYTHON", "POWER BI").
                    fromJson(rs.getString("skills"), new TypeReference<List<String>>() {}).stream()
                        .map(skill -> skill.trim().toUpperCase(java.util.Locale.ROOT))
                        .toList(),
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

  /**
   * Moves an open application to a status; false if it already had it (a repeated job) or
   * has concluded (the first conclusion is final).
   */
  public boolean updateStatus(UUID id, ApplicationStatus status) {
    return jdbc.sql(
            """
            update application set status = :status, updated_at = :now,
                   closed_at = case when :concluded then :now else closed_at end
             where id = :id and status <> :status and closed_at is null
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

  /** Records the process version an application's instance runs on. */
  public void recordProcessDefinition(UUID id, long processInstanceKey, long processDefinitionKey) {
    jdbc.sql(
            "update application set process_definition_key = :definition where id = :id and process_instance_key = :key")
        .param("id", id)
        .param("key", processInstanceKey)
        .param("definition", processDefinitionKey)
        .update();
  }

  /** Open applications that had a process instance (all lost when an in-memory engine restarts). */
  public List<StoredApplication> openWithInstance() {
    return jdbc.sql("select " + COLUMNS + " from application where process_instance_key is not null and closed_at is null order by submitted_at")
        .query(ApplicationRepository::map)
        .list();
  }

  /**
   * Claims an application whose instance was lost for re-creation by marking the lost key
   * (negated); false if another run claimed it. Returns the marker to replace later.
   */
  public Optional<Long> claimRecovery(UUID id, long lostKey) {
    long marker = lostKey > 0 ? -lostKey : lostKey;
    int claimed =
        jdbc.sql("update application set process_instance_key = :marker where id = :id and process_instance_key = :lost")
            .param("id", id)
            .param("lost", lostKey)
            .param("marker", marker)
            .update();
    return claimed == 1 ? Optional.of(marker) : Optional.empty();
  }

  /** Hands an application whose instance was lost back to the start outbox (from the beginning). */
  public boolean releaseLostInstance(UUID id, long lostKey) {
    return jdbc.sql(
                """
                update application set process_instance_key = null, process_start_claimed_until = null
                 where id = :id and process_instance_key = :lost
                """)
            .param("id", id)
            .param("lost", lostKey)
            .update()
        == 1;
  }

  /** Points the application at its re-created instance; false if someone else did already. */
  public boolean replaceProcessInstance(UUID id, long lostKey, long newKey, long definitionKey) {
    return jdbc.sql(
                """
                update application set process_instance_key = :newKey, process_definition_key = :definition
                 where id = :id and process_instance_key = :lostKey
                """)
            .param("id", id)
            .param("lostKey", lostKey)
            .param("newKey", newKey)
            .param("definition", definitionKey)
            .update()
        == 1;
  }

  /** Puts back the stage an application had when its instance was lost. */
  public void restoreStatus(UUID id, ApplicationStatus status) {
    jdbc.sql("update application set status = :status where id = :id and closed_at is null")
        .param("id", id)
        .param("status", status.name())
        .update();
  }

  /** Open applications whose instance runs on this process version. */
  public List<StoredApplication> openOnDefinition(long processDefinitionKey) {
    return jdbc.sql("select " + COLUMNS + " from application where process_definition_key = :key and closed_at is null order by submitted_at")
        .param("key", processDefinitionKey)
        .query(ApplicationRepository::map)
        .list();
  }

  List<PendingStart> pendingStarts(int limit) {
    return jdbc.sql(
            """
            select a.id, a.position_id, a.availability_start, a.waits_for, p.interviewers
              from application a join position p on p.id = a.position_id
             where a.process_instance_key is null and a.closed_at is null
               and (a.process_start_claimed_until is null or a.process_start_claimed_until < :now)
             order by a.submitted_at
             limit :limit
            """)
        .param("now", now())
        .param("limit", limit)
        .query(
            (rs, n) ->
                new PendingStart(
                    rs.getObject("id", UUID.class),
                    rs.getString("position_id"),
                    rs.getDate("availability_start") != null,
                    rs.getObject("waits_for", UUID.class),
                    rs.getInt("interviewers")))
        .list();
  }

  /**
   * Applications started within the last claim window that screening has not reached yet (an
   * instance stuck on an incident stops counting when its claim expires).
   */
  int startedNotYetScreened() {
    return jdbc.sql(
            """
            select count(*) from application
             where status = 'SUBMITTED' and process_instance_key is not null
               and process_start_claimed_until > :now
            """)
        .param("now", now())
        .query(Integer.class)
        .single();
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

  record PendingStart(
      UUID id, String positionId, boolean availabilityStated, UUID waitsFor, int interviewCount) {}

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
        closed == null ? null : closed.toInstant(),
        rs.getObject("waits_for", UUID.class),
        rs.getObject("start_date", java.time.LocalDate.class),
        rs.getObject("end_date", java.time.LocalDate.class));
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
