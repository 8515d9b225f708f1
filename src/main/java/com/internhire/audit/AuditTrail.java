package com.internhire.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Append-only record of decisions: who (a person or a rule), what ({@link AuditAction}), when,
 * on which rule version, from which inputs. Callers write it in the same transaction as the
 * change it explains.
 */
@Component
public class AuditTrail {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ObjectMapper json;

  AuditTrail(JdbcClient jdbc, ObjectMapper json, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.json = json;
  }

  public void record(UUID applicationId, String actor, AuditAction action, Map<String, ?> details) {
    record(applicationId, actor, action, null, null, details);
  }

  /** A row for a decision taken by a rule: its id and exact version. */
  public void record(
      UUID applicationId,
      String actor,
      AuditAction action,
      String ruleId,
      String ruleVersion,
      Map<String, ?> details) {
    jdbc.sql(
            """
            insert into audit_event (application_id, occurred_at, actor, action, rule_id, rule_version, details)
            values (:applicationId, :at, :actor, :action, :ruleId, :ruleVersion, :details)
            """)
        .param("applicationId", applicationId)
        .param("at", clock.instant().atOffset(ZoneOffset.UTC))
        .param("actor", actor)
        .param("action", action.name())
        .param("ruleId", ruleId)
        .param("ruleVersion", ruleVersion)
        .param("details", toJson(details))
        .update();
  }

  /** The application's trail, oldest first, to show (never to rebuild state from). */
  public List<AuditEvent> history(UUID applicationId) {
    return jdbc.sql(
            """
            select id, occurred_at, actor, action, rule_id, rule_version, details
            from audit_event where application_id = :id order by id
            """)
        .param("id", applicationId)
        .query(
            (rs, n) ->
                new AuditEvent(
                    rs.getLong("id"),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getString("rule_id"),
                    rs.getString("rule_version"),
                    fromJson(rs.getString("details"))))
        .list();
  }

  private String toJson(Map<String, ?> details) {
    try {
      return json.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Audit details are not serialisable", e);
    }
  }

  private Map<String, Object> fromJson(String details) {
    try {
      return json.readerForMapOf(Object.class).readValue(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored audit details are not JSON", e);
    }
  }

  /** One row of the trail. */
  public record AuditEvent(
      long id,
      Instant occurredAt,
      String actor,
      String action,
      String ruleId,
      String ruleVersion,
      Map<String, Object> details) {}
}
