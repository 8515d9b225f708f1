package com.internhire.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.RecordingMailTransport;
import com.internhire.support.TestData;
import com.internhire.support.WorkerSliceTest;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Every message the journey sends renders from its template, to the right person, once. */
@WorkerSliceTest
@Import({Mailer.class, CandidateMessages.class, MailTemplatesTest.Mail.class})
@TestPropertySource(properties = {"hiring.mail.from=hiring@company.example", "hiring.mail.recruiting-leads=leads@company.example"})
class MailTemplatesTest {

  @TestConfiguration
  static class Mail {
    @Bean
    RecordingMailTransport mailTransport() {
      return new RecordingMailTransport();
    }
  }

  @Autowired CandidateMessages messages;
  @Autowired Mailer mailer;
  @Autowired RecordingMailTransport mail;
  @Autowired JdbcClient jdbc;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "availability-requested, CANDIDATE, tell us your availability",
    "application-incomplete, CANDIDATE, as incomplete",
    "application-rejected, CANDIDATE, will not take your application forward",
    "interview-invitation, CANDIDATE, invite you to interviews",
    "offer-made, CANDIDATE, delighted to offer you",
    "offer-accepted, CANDIDATE, confirm your start date",
    "offer-declined, CANDIDATE, declining our offer",
    "offer-expired, CANDIDATE, offer for",
    "hired-elsewhere, CANDIDATE, other application",
    "position-filled, CANDIDATE, have now been filled",
    "start-date-confirmed, CANDIDATE, is confirmed",
    "withdrawal-confirmed, CANDIDATE, withdrawn your application",
    "review-overdue, RECRUITING_LEADS, past its due date"
  })
  void rendersAndSendsOnce(String template, CandidateMessages.Recipient recipient, String phrase) throws Exception {
    UUID id = TestData.application(jdbc);

    messages.enqueue(id, template, recipient, id + ":" + template);
    messages.enqueue(id, template, recipient, id + ":" + template);
    mailer.sendPending(id);
    mailer.sendPending(id);

    assertThat(mail.about(id)).hasSize(1);
    MimeMessage message = mail.about(id).getFirst();
    String body = message.getContent().toString();
    assertThat(body).containsIgnoringCase(phrase).doesNotContain("{{").contains(id.toString());
    assertThat(message.getSubject()).doesNotContain("{{");
    String to = message.getAllRecipients()[0].toString();
    if (recipient == CandidateMessages.Recipient.CANDIDATE) {
      assertThat(to).endsWith("@example.edu");
      assertThat(body).contains("Dear Ada Li");
    } else {
      assertThat(to).isEqualTo("leads@company.example");
      assertThat(body).doesNotContain("Ada Li");
    }
  }
}
