package com.internhire.support;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.mockito.Mockito;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows and jobs for slice tests. */
public final class TestData {

  private TestData() {}

  /** A stored application of a strong, fitting candidate (as intake would store it). */
  public static UUID application(JdbcClient jdbc) {
    UUID candidate = UUID.randomUUID();
    UUID application = UUID.randomUUID();
    var now = Instant.now().atOffset(ZoneOffset.UTC);
    jdbc.sql("insert into candidate (id, email, name, phone, created_at) values (:id, :email, 'Ada Li', null, :now)")
        .param("id", candidate)
        .param("email", candidate + "@example.edu")
        .param("now", now)
        .update();
    jdbc.sql(
            """
            insert into application (id, candidate_id, position_id, slot, status, education_level, field_of_study,
              enrolled, english_level, skills, experience, availability_start, availability_end, cohort_fit,
              privacy_policy_version, privacy_accepted_at, candidate_token_hash, submitted_at, updated_at)
            values (:id, :candidate, 'ds-ltv-intern-2026', 1, 'SUBMITTED', 'MASTER', 'Statistics', true, 'BUSINESS',
              '["SQL","Python"]', '[{"kind":"INTERNSHIP","domain":"DATA","title":"Analyst","months":6}]',
              date '2026-05-11', date '2026-08-28', true, '2026-01', :now, 'hash', :now, :now)
            """)
        .param("id", application)
        .param("candidate", candidate)
        .param("now", now)
        .update();
    return application;
  }

  /** The same candidate's second application, waiting for {@code first} (R2). */
  public static UUID secondApplication(JdbcClient jdbc, UUID first, String positionId) {
    UUID application = UUID.randomUUID();
    var now = Instant.now().atOffset(ZoneOffset.UTC);
    jdbc.sql(
            """
            insert into application (id, candidate_id, position_id, slot, status, education_level, field_of_study,
              enrolled, english_level, skills, experience, availability_start, availability_end, cohort_fit,
              privacy_policy_version, privacy_accepted_at, candidate_token_hash, submitted_at, updated_at, waits_for)
            select :id, candidate_id, :position, 2, 'SUBMITTED', education_level, field_of_study, enrolled,
              english_level, skills, experience, availability_start, availability_end, cohort_fit,
              privacy_policy_version, privacy_accepted_at, 'hash2', :now, :now, :first
            from application where id = :first
            """)
        .param("id", application)
        .param("position", positionId)
        .param("first", first)
        .param("now", now)
        .update();
    return application;
  }

  /** A position of its own, so headcount and capacity tests do not share state. */
  public static String position(JdbcClient jdbc, int headcount, Integer capacity) {
    String id = "pos-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql(
            "insert into position (id, title, weeks, headcount, interviewers, status, created_at) values (:id, :id, 12, :h, 2, 'OPEN', :now)")
        .param("id", id)
        .param("h", headcount)
        .param("now", Instant.now().atOffset(ZoneOffset.UTC))
        .update();
    for (String date : new String[] {"2026-05-11", "2026-06-08"}) {
      jdbc.sql("insert into position_cohort (position_id, start_date, capacity) values (:id, cast(:d as date), :c)")
          .param("id", id)
          .param("d", date)
          .param("c", capacity)
          .update();
    }
    return id;
  }

  public static void movePosition(JdbcClient jdbc, UUID application, String positionId) {
    jdbc.sql("update application set position_id = :p where id = :id").param("p", positionId).param("id", application).update();
  }

  public static ActivatedJob job(String type, String elementId, long processInstanceKey, Map<String, String> headers) {
    ActivatedJob job = Mockito.mock(ActivatedJob.class);
    Mockito.when(job.getType()).thenReturn(type);
    Mockito.when(job.getElementId()).thenReturn(elementId);
    Mockito.when(job.getBpmnProcessId()).thenReturn("internship-application");
    Mockito.when(job.getProcessInstanceKey()).thenReturn(processInstanceKey);
    Mockito.when(job.getCustomHeaders()).thenReturn(headers);
    Mockito.when(job.getKey()).thenReturn(processInstanceKey + 1);
    Mockito.when(job.getRetries()).thenReturn(5);
    return job;
  }

  public static int count(JdbcClient jdbc, String sql, UUID applicationId) {
    return jdbc.sql(sql).param("id", applicationId).query(Integer.class).single();
  }
}
