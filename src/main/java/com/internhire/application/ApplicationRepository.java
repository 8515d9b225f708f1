package com.internhire.application;

import com.internhire.intake.SubmissionRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
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

/**
 * Application rows: what was submitted (non-personal facts), where it stands and its dates.
 * The status is written only through {@link ApplicationLifecycle} (package-private here), so
 * every change of it has its audit row.
 */
@Repository
public class ApplicationRepository {

  private static final String COLUMNS =
      """
      id, candidate_id, position_id, slot, status, availability_start, availability_end, cohort_fit,
      process_instance_key, candidate_token_hash, submitted_at, closed_at, waits_for, start_date, end_date
      """;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ObjectMapper json;

  ApplicationRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.json = json;
  }

  public Optional<StoredApplication> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from application where id = :id")
        .param("id", id)
        .query(ApplicationRepository::map)
        .optional();
  }

  /** Applications matching a condition with at most one parameter ({@code :key}). */
  List<StoredApplication> where(String conditionAndOrder, Object key) {
    var statement = jdbc.sql("select " + COLUMNS + " from application where " + conditionAndOrder);
    if (key != null) {
      statement = statement.param("key", key);
    }
    return statement.query(ApplicationRepository::map).list();
  }


  /** Stores a submitted application; call in the transaction that decided R1 and R2 for its candidate. */
  public void insert(NewApplication application) {
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
        .param("id", application.id())
        .param("candidateId", application.candidateId())
        .param("positionId", application.positionId())
        .param("slot", application.slot())
        .param("status", ApplicationStatus.SUBMITTED.name())
        .param("level", application.educationLevel())
        .param("field", application.fieldOfStudy())
        .param("enrolled", application.enrolled())
        .param("graduation", application.expectedGraduation())
        .param("english", application.englishLevel())
        .param("skills", toJson(application.skills()))
        .param("experience", toJson(application.experience()))
        .param("availStart", application.availability() == null ? null : Date.valueOf(application.availability().start()))
        .param("availEnd", application.availability() == null ? null : Date.valueOf(application.availability().end()))
        .param("cohortFit", application.cohortFit())
        .param("policyVersion", application.privacyPolicyVersion())
        .param("tokenHash", application.candidateTokenHash())
        .param("now", now())
        .param("waitsFor", application.waitsFor())
        .update();
  }

  /** A candidate's applications, first slot first. */
  public List<StoredApplication> applicationsOf(UUID candidateId) {
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



  /**
   * Moves an open application to a status; false if it already had it (a repeated job) or
   * has concluded (the first conclusion is final).
   */
  boolean updateStatus(UUID id, ApplicationStatus status) {
    OffsetDateTime at = now();
    boolean changed =
        jdbc.sql(
            """
            update application set status = :status, updated_at = :now,
                   closed_at = case when :concluded then :now else closed_at end
             where id = :id and status <> :status and closed_at is null
            """)
            .param("id", id)
            .param("status", status.name())
            .param("concluded", status.concluded())
            .param("now", at)
            .update()
        == 1;
    if (changed) {
      // When each status was reached: the fact reports read (the audit row explains it).
      jdbc.sql(
              "insert into application_status_history (application_id, status, reached_at) values (:id, :status, :now)")
          .param("id", id)
          .param("status", status.name())
          .param("now", at)
          .update();
    }
    return changed;
  }














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

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
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
