package com.internhire.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox of messages to candidates, keyed by the business event (application and
 * message), so a retried or twice-delivered job writes each message once (R12).
 */
@Component
public class CandidateMessages {

  private final JdbcClient jdbc;

  CandidateMessages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Queues a message unless it was queued before; true if this call queued it. */
  public boolean enqueue(UUID applicationId, String template) {
    String eventKey = applicationId + ":" + template;
    return jdbc.sql(
            """
            insert into candidate_message (application_id, event_key, template, created_at)
            select :applicationId, :eventKey, :template, :now
             where not exists (select 1 from candidate_message where event_key = :eventKey)
            """)
            .param("applicationId", applicationId)
            .param("eventKey", eventKey)
            .param("template", template)
            .param("now", Instant.now().atOffset(ZoneOffset.UTC))
            .update()
        == 1;
  }
}
