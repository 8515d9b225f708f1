package com.internhire.candidate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The people who apply, identified by their normalised e-mail address. Their personal data
 * (name, e-mail, phone) lives in this module's table and nowhere else (R8); every other
 * module knows a candidate by id only.
 */
@Component
public class Candidates {

  private final JdbcClient jdbc;
  private final Clock clock;

  Candidates(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** A person's contact details as they gave them. */
  public record Contact(String name, String email, String phone) {}

  /** Stores a new candidate; call in the transaction that takes their first application. */
  public void register(UUID id, Contact contact) {
    jdbc.sql("insert into candidate (id, email, name, phone, created_at) values (:id, :email, :name, :phone, :now)")
        .param("id", id)
        .param("email", contact.email())
        .param("name", contact.name())
        .param("phone", contact.phone())
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }

  /**
   * Locks the candidate with this address, if known: everything that concerns one candidate's
   * applications (R1, R2) is decided for one candidate at a time.
   */
  public Optional<UUID> lockByEmail(String normalisedEmail) {
    return jdbc.sql("select id from candidate where email = :email for update")
        .param("email", normalisedEmail)
        .query(UUID.class)
        .optional();
  }

  /** Locks the candidate's row for the rest of the caller's transaction (R1, R2). */
  public void lock(UUID candidateId) {
    jdbc.sql("select id from candidate where id = :id for update").param("id", candidateId).query(UUID.class).list();
  }
}
