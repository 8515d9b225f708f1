package com.internhire.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import com.internhire.position.CohortCalendar;
import com.internhire.engine.ProcessVariables;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued messages of an application, each exactly once: the row is locked while
 * its message goes out and marked sent in the same transaction, so a retried job, a job
 * delivered twice or two workers at once send it once. If the mail server is down the
 * caller's job fails and is retried with the backoff its model declares.
 *
 * <p>Each message has a text and an HTML part, rendered by {@link MailTemplates} from the
 * application's values.
 */
@Component
public class Mailer {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final MailTransport transport;
  private final String from;
  private final String recruitingLeads;
  private final Session session = Session.getInstance(new Properties());
  private final MailTemplates templates = new MailTemplates();
  private final Clock clock;

  Mailer(
      JdbcClient jdbc,
      TransactionTemplate tx,
      MailTransport transport,
      Clock clock,
      @Value("${hiring.mail.from}") String from,
      @Value("${hiring.mail.recruiting-leads}") String recruitingLeads) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.tx = tx;
    this.transport = transport;
    this.from = from;
    this.recruitingLeads = recruitingLeads;
  }

  /** Sends every queued, unsent message of the application. */
  public void sendPending(UUID applicationId) {
    List<Long> pending =
        jdbc.sql("select id from candidate_message where application_id = :id and sent_at is null order by id")
            .param("id", applicationId)
            .query(Long.class)
            .list();
    for (Long id : pending) {
      tx.executeWithoutResult(status -> sendOne(id));
    }
  }

  private void sendOne(long messageId) {
    var queued =
        jdbc.sql(
                """
                select m.application_id, m.template, m.recipient, m.event_key
                  from candidate_message m where m.id = :id and m.sent_at is null for update
                """)
            .param("id", messageId)
            .query((rs, n) -> new Queued(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
            .optional();
    if (queued.isEmpty()) {
      return; // sent meanwhile
    }
    Queued message = queued.get();
    Map<String, String> model = model(message.applicationId());
    String to =
        CandidateMessages.Recipient.valueOf(message.recipient()) == CandidateMessages.Recipient.CANDIDATE
            ? model.get("email")
            : recruitingLeads;
    if (to == null || to.isBlank()) {
      // The candidate's personal data was erased: nobody to write to.
      markSent(messageId);
      return;
    }
    MailTemplates.Rendered rendered = templates.render(message.template(), model);
    try {
      MimeMessage mime = new MimeMessage(session);
      mime.setFrom(new InternetAddress(from));
      mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to));
      mime.setSubject(rendered.subject(), StandardCharsets.UTF_8.name());
      mime.setContent(alternatives(rendered));
      mime.setHeader("X-Hiring-Event", message.eventKey());
      mime.setHeader("X-Hiring-Template", message.template());
      mime.setSentDate(java.util.Date.from(clock.instant()));
      transport.send(mime);
    } catch (MessagingException e) {
      throw new IllegalStateException("Sending '" + message.template() + "' mail failed: " + e.getMessage(), e);
    }
    markSent(messageId);
  }

  // Text first: a client shows the last alternative it can display, so HTML where it can.
  private static MimeMultipart alternatives(MailTemplates.Rendered rendered) throws MessagingException {
    MimeBodyPart text = new MimeBodyPart();
    text.setText(rendered.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(rendered.html(), StandardCharsets.UTF_8.name(), "html");
    return new MimeMultipart("alternative", text, html);
  }

  private void markSent(long messageId) {
    jdbc.sql("update candidate_message set sent_at = :now where id = :id")
        .param("id", messageId)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }

  private Map<String, String> model(UUID applicationId) {
    Map<String, String> model = new HashMap<>();
    jdbc.sql(
            """
            select a.id, a.start_date, a.end_date, c.name, c.email, c.erased_at, p.title
              from application a join candidate c on c.id = a.candidate_id join position p on p.id = a.position_id
             where a.id = :id
            """)
        .param("id", applicationId)
        .query(
            rs -> {
              model.put("applicationId", rs.getString("id"));
              model.put("name", rs.getString("name"));
              // An erased candidate (R8) has no address left to write to.
              model.put("email", rs.getObject("erased_at") == null ? rs.getString("email") : null);
              model.put("positionTitle", rs.getString("title"));
              model.put("startDate", date(rs.getObject("start_date", LocalDate.class)));
              model.put("endDate", date(rs.getObject("end_date", LocalDate.class)));
            });
    jdbc.sql("select name, due_at from application_deadline where application_id = :id")
        .param("id", applicationId)
        .query(
            rs -> {
              String key = ProcessVariables.dueAt(rs.getString("name"));
              model.put(key, DATE_TIME.format(rs.getObject("due_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)));
            });
    jdbc.sql(
            """
            select s.start_date, p.weeks from cohort_seat s join position p on p.id = s.position_id
             where s.application_id = :id and s.state in ('HELD', 'TAKEN')
            """)
        .param("id", applicationId)
        .query(
            rs -> {
              LocalDate start = rs.getObject(1, LocalDate.class);
              int weeks = rs.getInt(2);
              model.put("offerStartDate", date(start));
              model.put("offerEndDate", date(CohortCalendar.endDate(start, weeks)));
              model.put("weeks", String.valueOf(weeks));
            });
    return model;
  }

  private static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  private record Queued(UUID applicationId, String template, String recipient, String eventKey) {}
}
