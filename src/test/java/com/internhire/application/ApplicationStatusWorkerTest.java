package com.internhire.application;

import static com.internhire.support.TestData.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.internhire.audit.AuditTrail;
import com.internhire.notification.CandidateMessages;
import com.internhire.support.TestData;
import com.internhire.support.WorkerSliceTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@WorkerSliceTest
@Import({ApplicationStatusWorker.class, ApplicationRepository.class, AuditTrail.class, CandidateMessages.class})
class ApplicationStatusWorkerTest {

  @Autowired ApplicationStatusWorker worker;
  @Autowired JdbcClient jdbc;

  @Test
  void rejectionClosesTheApplicationRecordsItAndQueuesTheCandidatesMessage() {
    UUID id = TestData.application(jdbc);

    worker.update(rejected(), id.toString());

    assertThat(jdbc.sql("select status from application where id = :id").param("id", id).query(String.class).single())
        .isEqualTo("REJECTED");
    assertThat(count(jdbc, "select count(*) from application where id = :id and closed_at is not null", id)).isEqualTo(1);
    assertThat(count(jdbc, "select count(*) from audit_event where application_id = :id and action = 'STATUS_CHANGED'", id))
        .isEqualTo(1);
    assertThat(jdbc.sql("select template from candidate_message where application_id = :id").param("id", id).query(String.class).list())
        .containsExactly("application-rejected");
  }

  @Test
  void aJobDeliveredTwiceHasItsEffectsOnce() {
    UUID id = TestData.application(jdbc);

    worker.update(rejected(), id.toString());
    worker.update(rejected(), id.toString());

    assertThat(count(jdbc, "select count(*) from audit_event where application_id = :id", id)).isEqualTo(1);
    assertThat(count(jdbc, "select count(*) from candidate_message where application_id = :id", id)).isEqualTo(1);
  }

  @Test
  void advancingKeepsTheApplicationOpenAndSendsNothing() {
    UUID id = TestData.application(jdbc);

    worker.update(
        TestData.job(ApplicationStatusWorker.TYPE, "EndEvent_ReadyForInterviews", 1L, Map.of("status", "ADVANCED")),
        id.toString());

    assertThat(jdbc.sql("select status from application where id = :id").param("id", id).query(String.class).single())
        .isEqualTo("ADVANCED");
    assertThat(count(jdbc, "select count(*) from application where id = :id and closed_at is null", id)).isEqualTo(1);
    assertThat(count(jdbc, "select count(*) from candidate_message where application_id = :id", id)).isZero();
  }

  @Test
  void anElementWithoutAStatusHeaderFailsTheJobClearly() {
    UUID id = TestData.application(jdbc);
    assertThatThrownBy(() -> worker.update(TestData.job(ApplicationStatusWorker.TYPE, "EndEvent_X", 1L, Map.of()), id.toString()))
        .hasMessageContaining("EndEvent_X")
        .hasMessageContaining("status");
  }

  private static io.camunda.client.api.response.ActivatedJob rejected() {
    return TestData.job(
        ApplicationStatusWorker.TYPE,
        "EndEvent_ApplicationRejected",
        1L,
        Map.of("status", "REJECTED", "candidateMessage", "application-rejected"));
  }
}
