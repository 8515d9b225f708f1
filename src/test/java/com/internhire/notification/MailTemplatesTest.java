package com.internhire.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.internhire.support.RecordingMailTransport;
import com.internhire.support.TestData;
import com.internhire.support.WorkerSliceTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Every message the journey sends renders from its templates, as text and HTML, to the right person, once. */
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
    "availability-requested, CANDIDATE, tell us your availability, Your application: please state your availability",
    "application-incomplete, CANDIDATE, as incomplete, Your application has been closed as incomplete",
    "application-rejected, CANDIDATE, will not take your application forward, Your application for {title}",
    "interview-invitation, CANDIDATE, invite you to interviews, Interviews for {title}",
    "offer-made, CANDIDATE, delighted to offer you, Your offer for {title}",
    "offer-accepted, CANDIDATE, confirm your start date, Please confirm your start date",
    "offer-declined, CANDIDATE, declining our offer, Your answer to our offer",
    "offer-expired, CANDIDATE, offer for, Your offer for {title} has expired",
    "hired-elsewhere, CANDIDATE, other application, Your second application has been closed",
    "position-filled, CANDIDATE, have now been filled, {title} has been filled",
    "start-date-confirmed, CANDIDATE, is confirmed, Welcome: your start date is confirmed",
    "withdrawal-confirmed, CANDIDATE, withdrawn your application, Your application has been withdrawn",
    "review-overdue, RECRUITING_LEADS, past its due date, Overdue review: application {id}"
  })
  void rendersAndSendsOnce(String template, CandidateMessages.Recipient recipient, String phrase, String subject) throws Exception {
    UUID id = TestData.application(jdbc);

    messages.enqueue(id, template, recipient, id + ":" + template);
    messages.enqueue(id, template, recipient, id + ":" + template);
    mailer.sendPending(id);
    mailer.sendPending(id);

    assertThat(mail.about(id)).hasSize(1);
    MimeMessage message = mail.about(id).getFirst();
    String body = RecordingMailTransport.text(message);
    assertThat(body).containsIgnoringCase(phrase).doesNotContain("{{").contains(id.toString());
    assertThat(message.getSubject()).isEqualTo(subject.replace("{title}", title(id)).replace("{id}", id.toString()));
    String to = message.getAllRecipients()[0].toString();
    if (recipient == CandidateMessages.Recipient.CANDIDATE) {
      assertThat(to).endsWith("@example.edu");
      assertThat(body).contains("Dear Ada Li");
    } else {
      assertThat(to).isEqualTo("leads@company.example");
      assertThat(body).doesNotContain("Ada Li");
    }

    MimeMultipart parts = (MimeMultipart) message.getContent();
    assertThat(message.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
    assertThat(parts.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
    String html = RecordingMailTransport.html(message);
    assertThat(html.replaceAll("\\s+", " ")).containsIgnoringCase(phrase);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"en\">", "<title>" + message.getSubject() + "</title>", "<h1>" + message.getSubject() + "</h1>", id.toString())
        .doesNotContain("{{", "<script", "src=", "href=", "url(", "http");
    assertThat(html.split("<h1>", -1)).hasSize(2);
    assertThat(html.contains("Dear Ada Li")).isEqualTo(body.contains("Dear Ada Li"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "availability-requested", "application-incomplete", "application-rejected", "interview-invitation", "offer-made",
    "offer-accepted", "offer-declined", "offer-expired", "hired-elsewhere", "position-filled", "start-date-confirmed",
    "withdrawal-confirmed", "review-overdue"
  })
  void theHtmlPartEscapesValuesTheTextPartKeepsThem(String template) throws Exception {
    UUID id = TestData.application(jdbc);
    String position = TestData.position(jdbc, 1, null);
    TestData.movePosition(jdbc, id, position);
    jdbc.sql("update position set title = 'Data <b>& AI' where id = :id").param("id", position).update();
    var recipient = template.equals("review-overdue") ? CandidateMessages.Recipient.RECRUITING_LEADS : CandidateMessages.Recipient.CANDIDATE;

    messages.enqueue(id, template, recipient, id + ":" + template);
    mailer.sendPending(id);

    MimeMessage message = mail.about(id).getFirst();
    assertThat(RecordingMailTransport.text(message)).contains("Data <b>& AI").doesNotContain("&lt;", "&amp;");
    assertThat(RecordingMailTransport.html(message)).contains("Data &lt;b&gt;&amp; AI").doesNotContain("<b>");
    if (message.getSubject().contains("Data")) {
      assertThat(message.getSubject()).contains("Data <b>& AI");
    }
  }

  @Test
  void aMissingTemplateFailsTheSendAndLeavesTheMessageQueued() {
    UUID id = TestData.application(jdbc);
    messages.enqueue(id, "no-such-template");

    assertThatThrownBy(() -> mailer.sendPending(id)).isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-template");
    assertThat(mail.about(id)).isEmpty();
    assertThat(TestData.count(jdbc, "select count(*) from candidate_message where application_id = :id and sent_at is null", id))
        .isEqualTo(1);
  }

  @Test
  void aTemplateWithoutSubjectOrOutsideTheFolderFails() {
    MailTemplates templates = new MailTemplates();

    // src/test/resources/mail/without-subject.txt.mustache
    assertThatThrownBy(() -> templates.render("without-subject", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must start with 'Subject: '");
    assertThatThrownBy(() -> templates.render("../application", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No mail template");
  }

  private String title(UUID applicationId) {
    return jdbc.sql("select p.title from application a join position p on p.id = a.position_id where a.id = :id")
        .param("id", applicationId)
        .query(String.class)
        .single();
  }
}
