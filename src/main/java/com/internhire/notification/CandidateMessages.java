package com.internhire.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox of mail about an application, keyed by the business event, so a retried or
 * twice-delivered job writes each message once (R12). {@link Mailer} sends what is queued.
 */
@Component
public class CandidateMessages {

  /** Who a message goes to. */
  public enum Recipient {
    CANDIDATE,
    RECRUITING_LEADS
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  CandidateMessages(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** Queues the candidate's message about this event unless it was queued before. */
  public boolean enqueue(UUID applicationId, String template) {
    return enqueue(applicationId, template, Recipient.CANDIDATE, applicationId + ":" + template);
  }

  /** Queues a message unless one with this event key was queued before; true if this call queued it. */
  public boolean enqueue(UUID applicationId, String template, Recipient recipient, String eventKey) {
    return jdbc.sql(
            """
            insert into candidate_message (application_id, event_key, template, recipient, created_at)
            select :applicationId, :eventKey, :template, :recipient, :now
             where not exists (select 1 from candidate_message where event_key = :eventKey)
            """)
            .param("applicationId", applicationId)
            .param("eventKey", eventKey)
            .param("template", template)
            .param("recipient", recipient.name())
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .update()
        == 1;
  }
}
