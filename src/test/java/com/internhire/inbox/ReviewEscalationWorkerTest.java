package com.internhire.inbox;

import static com.internhire.support.TestData.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.audit.AuditTrail;
import com.internhire.notification.CandidateMessages;
import com.internhire.notification.Mailer;
import com.internhire.support.RecordingMailTransport;
import com.internhire.support.TestData;
import com.internhire.support.WorkerSliceTest;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** R3: an overdue review is escalated to the recruiting leads, once per escalation. */
@WorkerSliceTest
@Import({ReviewEscalationWorker.class, AuditTrail.class, CandidateMessages.class, Mailer.class, ReviewEscalationWorkerTest.Mail.class})
@TestPropertySource(properties = {"hiring.mail.from=hiring@company.example", "hiring.mail.recruiting-leads=leads@company.example"})
class ReviewEscalationWorkerTest {

  @TestConfiguration
  static class Mail {
    @Bean
    RecordingMailTransport mailTransport() {
      return new RecordingMailTransport();
    }
  }

  @Autowired ReviewEscalationWorker worker;
  @Autowired RecordingMailTransport mail;
  @Autowired JdbcClient jdbc;

  @Test
  void theLeadsAreMailedAndTheEscalationRecordedOnceEvenWhenTheJobComesTwice() throws Exception {
    UUID id = TestData.application(jdbc);
    ActivatedJob job = TestData.job("escalate-overdue-review", "Task_EscalateOverdueReview", 7L, Map.of());
    Mockito.when(job.getElementInstanceKey()).thenReturn(99L);

    worker.escalate(job, id.toString());
    worker.escalate(job, id.toString());

    assertThat(mail.about(id)).hasSize(1);
    assertThat(mail.about(id).getFirst().getAllRecipients()[0].toString()).isEqualTo("leads@company.example");
    assertThat(count(jdbc, "select count(*) from audit_event where application_id = :id and action = 'REVIEW_ESCALATED'", id))
        .isEqualTo(1);
  }
}
