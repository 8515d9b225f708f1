package com.internhire.backoffice;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The human tasks of one application, open and closed, as the inbox read model holds them. */
@Component
class TaskRows {

  record TaskRow(
      String taskId,
      String elementId,
      String name,
      String state,
      Instant createdAt,
      Instant completedAt,
      String completedBy,
      String assignee,
      Instant dueAt,
      List<String> candidateGroups,
      boolean overdue) {

    boolean open() {
      return "OPEN".equals(state);
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  TaskRows(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  List<TaskRow> of(UUID applicationId) {
    Instant now = clock.instant();
    Map<Long, List<String>> groups = new HashMap<>();
    jdbc.sql(
            """
            select g.task_key, g.group_name from user_task_group g join user_task t on t.task_key = g.task_key
             where t.application_id = :id order by g.group_name
            """)
        .param("id", applicationId)
        .query(rs -> {
          groups.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    return jdbc.sql(
            """
            select task_key, element_id, name, state, created_at, completed_at, completed_by, assignee, due_at
              from user_task where application_id = :id order by created_at, task_key
            """)
        .param("id", applicationId)
        .query((rs, n) -> new TaskRow(
            String.valueOf(rs.getLong("task_key")),
            rs.getString("element_id"),
            rs.getString("name"),
            rs.getString("state"),
            instant(rs.getObject("created_at", OffsetDateTime.class)),
            instant(rs.getObject("completed_at", OffsetDateTime.class)),
            rs.getString("completed_by"),
            rs.getString("assignee"),
            instant(rs.getObject("due_at", OffsetDateTime.class)),
            groups.getOrDefault(rs.getLong("task_key"), List.of()),
            "OPEN".equals(rs.getString("state"))
                && rs.getObject("due_at") != null
                && rs.getObject("due_at", OffsetDateTime.class).toInstant().isBefore(now)))
        .list();
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
