package com.internhire.inbox;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read model of human tasks that the task listeners keep. */
@Repository
class InboxRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  InboxRepository(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  record NewTask(
      long taskKey,
      UUID applicationId,
      long processInstanceKey,
      String elementId,
      String name,
      String formId,
      int priority,
      Instant dueAt,
      List<String> candidateGroups) {}

  /** Inserts an opened task; false if it is known already (a repeated listener job). */
  boolean open(NewTask task) {
    // A restarted in-memory engine hands out keys again from the start: a row left by the
    // engine before it (closed, or of another instance) gives way to the new task.
    int stale =
        jdbc.sql(
                """
                select count(*) from user_task
                 where task_key = :key and (state <> 'OPEN' or process_instance_key <> :pik)
                """)
            .param("key", task.taskKey())
            .param("pik", task.processInstanceKey())
            .query(Integer.class)
            .single();
    if (stale > 0) {
      jdbc.sql("delete from user_task_group where task_key = :key").param("key", task.taskKey()).update();
      jdbc.sql("delete from user_task where task_key = :key").param("key", task.taskKey()).update();
    }
    int inserted =
        jdbc.sql(
                """
                insert into user_task (task_key, application_id, process_instance_key, element_id, name, form_id,
                                       priority, due_at, state, created_at)
                select :key, :applicationId, :pik, :elementId, :name, :formId, :priority, :due, 'OPEN', :now
                 where not exists (select 1 from user_task where task_key = :key)
                """)
            .param("key", task.taskKey())
            .param("applicationId", task.applicationId())
            .param("pik", task.processInstanceKey())
            .param("elementId", task.elementId())
            .param("name", task.name())
            .param("formId", task.formId())
            .param("priority", task.priority())
            .param("due", task.dueAt() == null ? null : task.dueAt().atOffset(ZoneOffset.UTC))
            .param("now", now())
            .update();
    if (inserted == 1) {
      for (String group : task.candidateGroups()) {
        jdbc.sql("insert into user_task_group (task_key, group_name) values (:key, :group)")
            .param("key", task.taskKey())
            .param("group", group)
            .update();
      }
    }
    return inserted == 1;
  }

  /** Marks a task ended (COMPLETED or CANCELED); false if it already was. */
  boolean end(long taskKey, String state, String by) {
    return jdbc.sql(
                """
                update user_task set state = :state, completed_at = :now,
                       completed_by = coalesce(completed_by, :by)
                 where task_key = :key and state = 'OPEN'
                """)
            .param("key", taskKey)
            .param("state", state)
            .param("by", by)
            .param("now", now())
            .update()
        == 1;
  }

  /** One person at a time completes a task: false if it is closed or being completed. */
  boolean claimCompletion(long taskKey, String user) {
    return jdbc.sql(
                "update user_task set completed_by = :user where task_key = :key and state = 'OPEN' and completed_by is null")
            .param("key", taskKey)
            .param("user", user)
            .update()
        == 1;
  }

  void releaseCompletion(long taskKey, String user) {
    jdbc.sql("update user_task set completed_by = null where task_key = :key and state = 'OPEN' and completed_by = :user")
        .param("key", taskKey)
        .param("user", user)
        .update();
  }

  /** Claims an open task for a person; false if it is closed or someone else holds it. */
  boolean claim(long taskKey, String user) {
    return jdbc.sql(
                """
                update user_task set assignee = :user, claimed_at = :now
                 where task_key = :key and state = 'OPEN' and (assignee is null or assignee = :user)
                """)
            .param("key", taskKey)
            .param("user", user)
            .param("now", now())
            .update()
        == 1;
  }

  /** Releases a person's claim on an open task; false if they do not hold it. */
  boolean unclaim(long taskKey, String user) {
    return jdbc.sql(
                "update user_task set assignee = null, claimed_at = null where task_key = :key and state = 'OPEN' and assignee = :user")
            .param("key", taskKey)
            .param("user", user)
            .update()
        == 1;
  }

  Optional<InboxTask> find(long taskKey) {
    List<InboxTask> found =
        query("where t.task_key = :key", Map.of("key", taskKey));
    return found.stream().findFirst();
  }

  /** Open tasks of any of the groups: highest priority first, then oldest (R3). */
  List<InboxTask> openFor(Collection<String> groups, int limit) {
    if (groups.isEmpty()) {
      return List.of();
    }
    return query(
        """
        where t.state = 'OPEN'
          and exists (select 1 from user_task_group g where g.task_key = t.task_key and g.group_name in (:groups))
        order by t.priority desc, t.created_at, t.task_key
        limit :limit
        """,
        Map.of("groups", groups, "limit", limit));
  }

  List<InboxTask> allOpen(int limit) {
    return query(
        "where t.state = 'OPEN' order by t.priority desc, t.created_at, t.task_key limit :limit",
        Map.of("limit", limit));
  }

  private List<InboxTask> query(String whereOrderLimit, Map<String, ?> params) {
    List<Row> rows =
        jdbc.sql(
                """
                select t.task_key, t.name, t.element_id, t.application_id, t.process_instance_key, t.form_id,
                       t.priority, t.due_at, t.created_at, t.state, t.assignee
                from user_task t
                """
                    + whereOrderLimit)
            .params(params)
            .query(InboxRepository::row)
            .list();
    Map<Long, List<String>> groups = groupsOf(rows.stream().map(Row::taskKey).toList());
    Instant now = clock.instant();
    List<InboxTask> tasks = new ArrayList<>(rows.size());
    for (Row r : rows) {
      tasks.add(
          new InboxTask(
              String.valueOf(r.taskKey),
              r.name,
              r.elementId,
              r.applicationId,
              String.valueOf(r.processInstanceKey),
              r.formId,
              r.priority,
              r.dueAt,
              r.createdAt,
              r.dueAt != null && r.dueAt.isBefore(now) && "OPEN".equals(r.state),
              groups.getOrDefault(r.taskKey, List.of()),
              r.state,
              r.assignee));
    }
    return tasks;
  }

  private Map<Long, List<String>> groupsOf(List<Long> keys) {
    Map<Long, List<String>> groups = new HashMap<>();
    if (keys.isEmpty()) {
      return groups;
    }
    jdbc.sql("select task_key, group_name from user_task_group where task_key in (:keys) order by group_name")
        .param("keys", keys)
        .query(
            rs -> {
              groups.computeIfAbsent(rs.getLong("task_key"), k -> new ArrayList<>()).add(rs.getString("group_name"));
            });
    return groups;
  }

  private record Row(
      long taskKey,
      String name,
      String elementId,
      UUID applicationId,
      long processInstanceKey,
      String formId,
      int priority,
      Instant dueAt,
      Instant createdAt,
      String state,
      String assignee) {}

  private static Row row(ResultSet rs, int n) throws SQLException {
    OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
    return new Row(
        rs.getLong("task_key"),
        rs.getString("name"),
        rs.getString("element_id"),
        rs.getObject("application_id", UUID.class),
        rs.getLong("process_instance_key"),
        rs.getString("form_id"),
        rs.getInt("priority"),
        due == null ? null : due.toInstant(),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getString("state"),
        rs.getString("assignee"));
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }
}
