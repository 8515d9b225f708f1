package com.internhire.application;

import static com.internhire.support.TestData.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.internhire.audit.AuditTrail;
import com.internhire.candidate.Candidates;
import com.internhire.notification.CandidateMessages;
import com.internhire.notification.Mailer;
import com.internhire.position.PositionRepository;
import com.internhire.engine.ProcessEvents;
import com.internhire.support.RecordingMailTransport;
import com.internhire.support.TestData;
import com.internhire.support.WorkerSliceTest;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@WorkerSliceTest
@Import({
  ApplicationStatusWorker.class,
  ApplicationLifecycle.class,
  ApplicationRepository.class,
  Deadlines.class,
  Candidates.class,
  PositionRepository.class,
  AuditTrail.class,
  CandidateMessages.class,
  Mailer.class,
  TurnOrder.class,
  ApplicationStatusWorkerTest.Mail.class
})
@EnableConfigurationProperties(HiringDeadlines.class)
@TestPropertySource(
    properties = {
      "hiring.mail.from=hiring@company.example",
      "hiring.mail.recruiting-leads=leads@company.example",
      "hiring.deadlines.availability=P7D",
      "hiring.deadlines.offer=P7D"
    })
class ApplicationStatusWorkerTest {

  @TestConfiguration
  static class Mail {
    @Bean
    RecordingMailTransport mailTransport() {
      return new RecordingMailTransport();
    }
  }

  @MockitoBean ProcessEvents events;
  @Autowired ApplicationStatusWorker worker;
  @Autowired RecordingMailTransport mail;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void mailServerUp() {
    mail.down(false);
  }

  @Test
  void rejectionClosesTheApplicationRecordsItAndMailsTheCandidate() throws Exception {
    UUID id = TestData.application(jdbc);

    worker.update(job("EndEvent_ApplicationRejected", "REJECTED", "application-rejected", null), id.toString());

    assertThat(status(id)).isEqualTo("REJECTED");
    assertThat(count(jdbc, "select count(*) from application where id = :id and closed_at is not null", id)).isEqualTo(1);
    assertThat(count(jdbc, "select count(*) from audit_event where application_id = :id and action = 'STATUS_CHANGED'", id))
        .isEqualTo(1);
    assertThat(mail.about(id)).hasSize(1);
    var message = mail.about(id).getFirst();
    assertThat(RecordingMailTransport.template(message)).isEqualTo("application-rejected");
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo(candidateEmail(id));
    assertThat(message.getSubject()).contains("Data Science Intern");
    assertThat(RecordingMailTransport.text(message)).contains("Dear Ada Li").doesNotContain("{{");
  }

  @Test
  void aJobDeliveredTwiceHasItsEffectsOnce() {
    UUID id = TestData.application(jdbc);

    worker.update(job("EndEvent_ApplicationRejected", "REJECTED", "application-rejected", null), id.toString());
    worker.update(job("EndEvent_ApplicationRejected", "REJECTED", "application-rejected", null), id.toString());

    assertThat(count(jdbc, "select count(*) from audit_event where application_id = :id", id)).isEqualTo(1);
    assertThat(mail.about(id)).hasSize(1);
  }

  @Test
  void aDeadlineIsSetOnceAndReturnedForTheTimer() {
    UUID id = TestData.application(jdbc);
    Instant before = Instant.now();

    Map<String, Object> first =
        worker.update(job("Event_AskForAvailability", "AWAITING_AVAILABILITY", "availability-requested", "availability"), id.toString());
    Map<String, Object> again =
        worker.update(job("Event_AskForAvailability", "AWAITING_AVAILABILITY", "availability-requested", "availability"), id.toString());

    Instant due = Instant.parse((String) first.get("availabilityDueAt"));
    assertThat(due).isBetween(before.plus(Duration.ofDays(7)).minusSeconds(2), Instant.now().plus(Duration.ofDays(7)));
    assertThat(again).isEqualTo(first);
    assertThat(mail.about(id)).extracting(RecordingMailTransport::template).containsExactly("availability-requested");
  }

  @Test
  void theFirstConclusionIsFinalAndALateOneTellsNobody() {
    UUID id = TestData.application(jdbc);
    worker.update(job("EndEvent_Hired", "HIRED", "start-date-confirmed", null), id.toString());

    worker.update(job("EndEvent_PositionFilled", "POSITION_FILLED", "position-filled", null), id.toString());

    assertThat(status(id)).isEqualTo("HIRED");
    assertThat(mail.about(id)).extracting(RecordingMailTransport::template).containsExactly("start-date-confirmed");
  }

  @Test
  void whenTheFirstApplicationEndsWithoutAHireTheSecondIsToldOnce() {
    UUID first = TestData.application(jdbc);
    TestData.movePosition(jdbc, first, TestData.position(jdbc, 5, null));
    UUID second = TestData.secondApplication(jdbc, first, "ds-ltv-intern-2026");

    worker.update(job("EndEvent_ApplicationRejected", "REJECTED", "application-rejected", null), first.toString());
    worker.update(job("EndEvent_ApplicationRejected", "REJECTED", "application-rejected", null), first.toString());

    verify(events, times(2))
        .publish(eq(ProcessEvents.TURN_DECIDED), eq(second.toString()), eq(Map.of("firstApplicationHired", false)));
  }

  @Test
  void whenTheFirstApplicationEndsInAHireTheSecondIsToldSo() {
    UUID first = TestData.application(jdbc);
    TestData.movePosition(jdbc, first, TestData.position(jdbc, 5, null));
    UUID second = TestData.secondApplication(jdbc, first, "ds-ltv-intern-2026");

    worker.update(job("EndEvent_Hired", "HIRED", "start-date-confirmed", null), first.toString());

    verify(events).publish(eq(ProcessEvents.TURN_DECIDED), eq(second.toString()), eq(Map.of("firstApplicationHired", true)));
  }

  @Test
  void theHireThatReachesTheHeadcountFillsThePosition() {
    String position = TestData.position(jdbc, 1, null);
    UUID id = TestData.application(jdbc);
    TestData.movePosition(jdbc, id, position);

    worker.update(job("EndEvent_Hired", "HIRED", "start-date-confirmed", null), id.toString());

    verify(events).positionFilled(position);
    assertThat(jdbc.sql("select status from position where id = :id").param("id", position).query(String.class).single())
        .isEqualTo("FILLED");
  }

  @Test
  void aHireBelowTheHeadcountLeavesThePositionOpen() {
    String position = TestData.position(jdbc, 2, null);
    UUID id = TestData.application(jdbc);
    TestData.movePosition(jdbc, id, position);

    worker.update(job("EndEvent_Hired", "HIRED", "start-date-confirmed", null), id.toString());

    verify(events, never()).positionFilled(anyString());
  }

  @Test
  void whenTheMailServerIsDownTheJobFailsAndTheRetrySendsOnce() {
    UUID id = TestData.application(jdbc);
    mail.down(true);

    assertThatThrownBy(
            () -> worker.update(job("EndEvent_ApplicationRejected", "REJECTED", "application-rejected", null), id.toString()))
        .hasMessageContaining("Sending 'application-rejected' mail failed");
    assertThat(status(id)).isEqualTo("REJECTED");
    assertThat(mail.about(id)).isEmpty();

    mail.down(false);
    worker.update(job("EndEvent_ApplicationRejected", "REJECTED", "application-rejected", null), id.toString());
    worker.update(job("EndEvent_ApplicationRejected", "REJECTED", "application-rejected", null), id.toString());

    assertThat(mail.about(id)).hasSize(1);
  }

  @Test
  void anElementWithoutAStatusHeaderFailsTheJobClearly() {
    UUID id = TestData.application(jdbc);
    assertThatThrownBy(() -> worker.update(TestData.job(ApplicationStatusWorker.TYPE, "EndEvent_X", 1L, Map.of()), id.toString()))
        .hasMessageContaining("EndEvent_X")
        .hasMessageContaining("status");
  }

  private String status(UUID id) {
    return jdbc.sql("select status from application where id = :id").param("id", id).query(String.class).single();
  }

  private String candidateEmail(UUID id) {
    return jdbc.sql("select c.email from candidate c join application a on a.candidate_id = c.id where a.id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  private static ActivatedJob job(String element, String status, String message, String deadline) {
    Map<String, String> headers = new HashMap<>();
    headers.put("status", status);
    if (message != null) {
      headers.put("candidateMessage", message);
    }
    if (deadline != null) {
      headers.put("deadline", deadline);
    }
    return TestData.job(ApplicationStatusWorker.TYPE, element, 1L, headers);
  }
}
