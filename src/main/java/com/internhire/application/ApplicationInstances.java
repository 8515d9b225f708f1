package com.internhire.application;

import com.internhire.engine.ProcessInstances;
import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which process instance carries an application: the start outbox's claims, the instance a
 * first job adopts (a duplicate start cancels itself), the version it runs on, and the markers
 * the embedded engine's recovery uses to re-create a lost instance exactly once.
 */
@Component
public class ApplicationInstances {

  private static final Logger log = LoggerFactory.getLogger(ApplicationInstances.class);

  private final JdbcClient jdbc;
  private final ApplicationRepository applications;
  private final ProcessInstances instances;
  private final Clock clock;

  ApplicationInstances(JdbcClient jdbc, ApplicationRepository applications, ProcessInstances instances, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.applications = applications;
    this.instances = instances;
  }

  /**
   * Ties a process instance to its application; an instance that duplicates the application's
   * own (started twice by replicas racing) is cancelled. True when this instance is the
   * application's one.
   */
  public boolean adoptOrCancel(UUID applicationId, long processInstanceKey) {
    boolean adopted =
        jdbc.sql(
                    """
                    update application set process_instance_key = :key
                     where id = :id and (process_instance_key is null or process_instance_key = :key)
                    """)
                .param("id", applicationId)
                .param("key", processInstanceKey)
                .update()
            == 1;
    if (!adopted) {
      log.warn("Process instance {} duplicates application {}'s own; cancelling it", processInstanceKey, applicationId);
      instances.cancel(processInstanceKey);
    }
    return adopted;
  }

  /** Records the process version an application's instance runs on. */
  public void recordProcessDefinition(UUID id, long processInstanceKey, long processDefinitionKey) {
    jdbc.sql(
            "update application set process_definition_key = :definition where id = :id and process_instance_key = :key")
        .param("id", id)
        .param("key", processInstanceKey)
        .param("definition", processDefinitionKey)
        .update();
  }

  /** Open applications that had a process instance (all lost when an in-memory engine restarts). */
  public List<StoredApplication> openWithInstance() {
    return applications.where("process_instance_key is not null and closed_at is null order by submitted_at", null);
  }

  /** Open applications whose instance runs on this process version. */
  List<StoredApplication> openOnDefinition(long processDefinitionKey) {
    return applications.where("process_definition_key = :key and closed_at is null order by submitted_at", processDefinitionKey);
  }

  /**
   * Claims an application whose instance was lost for re-creation by marking the lost key
   * (negated); empty if another run claimed it. Returns the marker to replace later.
   */
  public Optional<Long> claimRecovery(UUID id, long lostKey) {
    long marker = lostKey > 0 ? -lostKey : lostKey;
    int claimed =
        jdbc.sql("update application set process_instance_key = :marker where id = :id and process_instance_key = :lost")
            .param("id", id)
            .param("lost", lostKey)
            .param("marker", marker)
            .update();
    return claimed == 1 ? Optional.of(marker) : Optional.empty();
  }

  /** Hands an application whose instance was lost back to the start outbox (from the beginning). */
  public boolean releaseLostInstance(UUID id, long lostKey) {
    return jdbc.sql(
                """
                update application set process_instance_key = null, process_start_claimed_until = null
                 where id = :id and process_instance_key = :lost
                """)
            .param("id", id)
            .param("lost", lostKey)
            .update()
        == 1;
  }

  /** Points the application at its re-created instance; false if someone else did already. */
  public boolean replaceProcessInstance(UUID id, long lostKey, long newKey, long definitionKey) {
    return jdbc.sql(
                """
                update application set process_instance_key = :newKey, process_definition_key = :definition
                 where id = :id and process_instance_key = :lostKey
                """)
            .param("id", id)
            .param("lostKey", lostKey)
            .param("newKey", newKey)
            .param("definition", definitionKey)
            .update()
        == 1;
  }

  /** Stored applications whose instance is still to be started, oldest first. */
  List<PendingStart> pendingStarts(int limit) {
    return jdbc.sql(
            """
            select a.id, a.position_id, a.availability_start, a.waits_for, p.interviewers
              from application a join position p on p.id = a.position_id
             where a.process_instance_key is null and a.closed_at is null
               and (a.process_start_claimed_until is null or a.process_start_claimed_until < :now)
             order by a.submitted_at
             limit :limit
            """)
        .param("now", now())
        .param("limit", limit)
        .query(ApplicationInstances::pendingStart)
        .list();
  }

  /**
   * Applications started within the last claim window that screening has not reached yet (an
   * instance stuck on an incident stops counting when its claim expires).
   */
  int startedNotYetScreened() {
    return jdbc.sql(
            """
            select count(*) from application
             where status = 'SUBMITTED' and process_instance_key is not null
               and process_start_claimed_until > :now
            """)
        .param("now", now())
        .query(Integer.class)
        .single();
  }

  /** Claims an application's start until {@code until}, so replicas start it once. */
  boolean claimStart(UUID id, Instant until) {
    return jdbc.sql(
            """
            update application set process_start_claimed_until = :until
             where id = :id and process_instance_key is null
               and (process_start_claimed_until is null or process_start_claimed_until < :now)
            """)
            .param("id", id)
            .param("until", until.atOffset(ZoneOffset.UTC))
            .param("now", now())
            .update()
        == 1;
  }

  record PendingStart(UUID id, String positionId, boolean availabilityStated, UUID waitsFor, int interviewCount) {}

  private static PendingStart pendingStart(ResultSet rs, int n) throws SQLException {
    return new PendingStart(
        rs.getObject("id", UUID.class),
        rs.getString("position_id"),
        rs.getDate("availability_start") != null,
        rs.getObject("waits_for", UUID.class),
        rs.getInt("interviewers"));
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }
}
