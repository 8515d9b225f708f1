package com.internhire.candidate;

import com.internhire.audit.AuditAction;
import com.internhire.audit.AuditTrail;
import java.time.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R8: a candidate's personal data (name, e-mail, phone, the mail we sent them) lives only in
 * our database and mailbox, and goes when they ask or when the retention period after their
 * last application closed without a hire has passed. What stays is anonymous: the candidate
 * row keeps only its id (the pseudonym), applications keep their non-personal facts, and the
 * audit trail keeps every row (it never held the person's name or address).
 */
@Service
public class PersonalData {

  private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Path mailbox;

  PersonalData(
      JdbcClient jdbc,
      AuditTrail audit,
      TransactionTemplate tx,
      Clock clock,
      @Value("${hiring.mail.mailbox-dir:./data/mailbox}") Path mailbox) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.audit = audit;
    this.tx = tx;
    this.mailbox = mailbox;
  }

  /** Everything we hold about the candidate behind this application, for their own copy. */
  public Map<String, Object> export(UUID applicationId) {
    UUID candidate = candidateOf(applicationId);
    Map<String, Object> export = new LinkedHashMap<>();
    jdbc.sql("select id, email, name, phone, created_at, erased_at from candidate where id = :id")
        .param("id", candidate)
        .query(
            rs -> {
              Map<String, Object> person = new LinkedHashMap<>();
              person.put("candidateId", rs.getString("id"));
              person.put("name", rs.getString("name"));
              person.put("email", rs.getString("email"));
              person.put("phone", rs.getString("phone"));
              person.put("createdAt", rs.getObject("created_at", OffsetDateTime.class).toInstant());
              OffsetDateTime erased = rs.getObject("erased_at", OffsetDateTime.class);
              person.put("erasedAt", erased == null ? null : erased.toInstant());
              export.put("candidate", person);
            });
    List<Map<String, Object>> applications =
        jdbc.sql(
                """
                select id, position_id, status, education_level, field_of_study, enrolled, expected_graduation,
                       english_level, skills, experience, availability_start, availability_end,
                       privacy_policy_version, privacy_accepted_at, submitted_at, closed_at, start_date, end_date
                  from application where candidate_id = :id order by slot
                """)
            .param("id", candidate)
            .query(
                (rs, n) -> {
                  Map<String, Object> a = new LinkedHashMap<>();
                  a.put("applicationId", rs.getString("id"));
                  a.put("positionId", rs.getString("position_id"));
                  a.put("status", rs.getString("status"));
                  a.put("educationLevel", rs.getString("education_level"));
                  a.put("fieldOfStudy", rs.getString("field_of_study"));
                  a.put("enrolled", rs.getBoolean("enrolled"));
                  a.put("expectedGraduation", rs.getString("expected_graduation"));
                  a.put("englishLevel", rs.getString("english_level"));
                  a.put("skills", rs.getString("skills"));
                  a.put("experience", rs.getString("experience"));
                  a.put("availabilityStart", rs.getString("availability_start"));
                  a.put("availabilityEnd", rs.getString("availability_end"));
                  a.put("privacyPolicyVersion", rs.getString("privacy_policy_version"));
                  a.put("privacyAcceptedAt", rs.getObject("privacy_accepted_at", OffsetDateTime.class).toInstant());
                  a.put("submittedAt", rs.getObject("submitted_at", OffsetDateTime.class).toInstant());
                  OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
                  a.put("closedAt", closed == null ? null : closed.toInstant());
                  a.put("startDate", rs.getString("start_date"));
                  a.put("endDate", rs.getString("end_date"));
                  return a;
                })
            .list();
    export.put("applications", applications);
    export.put(
        "messagesSent",
        jdbc.sql(
                """
                select m.template, m.sent_at from candidate_message m join application a on a.id = m.application_id
                 where a.candidate_id = :id and m.recipient = 'CANDIDATE' and m.sent_at is not null order by m.id
                """)
            .param("id", candidate)
            .query((rs, n) -> Map.of("template", rs.getString(1), "sentAt", rs.getObject(2, OffsetDateTime.class).toInstant()))
            .list());
    return export;
  }

  /** Whether the candidate behind this application has an application open or ended in a hire. */
  public boolean hasOpenOrHiredApplication(UUID applicationId) {
    return jdbc.sql(
                "select count(*) from application where candidate_id = :c and (closed_at is null or status = 'HIRED')")
            .param("c", candidateOf(applicationId))
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Erases the candidate's personal data; the reason goes into the audit trail. */
  public void erase(UUID applicationId, String reason) {
    UUID candidate = candidateOf(applicationId);
    List<UUID> applications =
        jdbc.sql("select id from application where candidate_id = :c").param("c", candidate).query(UUID.class).list();
    boolean erased =
        Boolean.TRUE.equals(
            tx.execute(
                s -> {
                  int rows =
                      jdbc.sql(
                              """
                              update candidate set name = 'erased', email = :pseudonym, phone = null, erased_at = :now
                               where id = :id and erased_at is null
                              """)
                          .param("id", candidate)
                          .param("pseudonym", "erased-" + candidate + "@invalid")
                          .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                          .update();
                  if (rows == 1) {
                    applications.forEach(a -> audit.record(a, "privacy", AuditAction.PERSONAL_DATA_ERASED, Map.of("reason", reason)));
                  }
                  return rows == 1;
                }));
    if (erased) {
      applications.forEach(this::deleteMail);
      log.info("Personal data of candidate {} erased ({})", candidate, reason);
    }
  }

  /** Erases candidates whose applications all closed without a hire before the cut-off. */
  public int eraseClosedBefore(Instant cutOff) {
    List<UUID> due =
        jdbc.sql(
                """
                select min(cast(a.id as varchar)) from candidate c join application a on a.candidate_id = c.id
                 where c.erased_at is null
                 group by c.id
                having count(case when a.closed_at is null or a.status = 'HIRED' then 1 end) = 0
                   and max(a.closed_at) < :cutOff
                """)
            .param("cutOff", cutOff.atOffset(ZoneOffset.UTC))
            .query((rs, n) -> UUID.fromString(rs.getString(1)))
            .list();
    due.forEach(application -> erase(application, "retention"));
    return due.size();
  }

  private void deleteMail(UUID applicationId) {
    if (!Files.isDirectory(mailbox)) {
      return;
    }
    try (Stream<Path> files = Files.list(mailbox)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
        if (Files.readString(file).contains("X-Hiring-Event: " + applicationId)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot erase mail of " + applicationId + " in " + mailbox, e);
    }
  }

  private UUID candidateOf(UUID applicationId) {
    return jdbc.sql("select candidate_id from application where id = :id")
        .param("id", applicationId)
        .query(UUID.class)
        .single();
  }
}
