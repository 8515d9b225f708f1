package com.internhire.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What people answered on human tasks: the validated form fields, written with the completion
 * and read back where a later form shows them (scorecards on the hiring decision) and by the
 * embedded engine's recovery.
 */
@Component
public class TaskAnswers {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ObjectMapper json;

  TaskAnswers(JdbcClient jdbc, ObjectMapper json, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A completed task's answers. */
  public record Answered(long taskKey, String elementId, long processInstanceKey, Map<String, Object> answers) {}

  /** Records the answers of the person completing the task; call in the completion's transaction. */
  void record(InboxTask task, Map<String, Object> answers, String by) {
    // One person completes an open task (the inbox's completion claim), so a row under the same
    // key can only be a task of an engine before a restart of the embedded one, which reuses keys.
    withdraw(task);
    jdbc.sql(
            """
            insert into task_answer (task_key, application_id, element_id, form_id, answers, answered_by, answered_at)
            values (:key, :application, :element, :form, :answers, :by, :now)
            """)
        .param("key", Long.parseLong(task.id()))
        .param("application", task.applicationId())
        .param("element", task.elementId())
        .param("form", task.formId())
        .param("answers", toJson(answers))
        .param("by", by)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }

  /** Forgets answers the engine did not take (the completion was refused). */
  void withdraw(InboxTask task) {
    jdbc.sql("delete from task_answer where application_id = :application and task_key = :key")
        .param("application", task.applicationId())
        .param("key", Long.parseLong(task.id()))
        .update();
  }

  /** The answers of the application's tasks that the engine completed, in task order. */
  public List<Answered> completed(UUID applicationId) {
    return jdbc.sql(
            """
            select a.task_key, a.element_id, t.process_instance_key, a.answers
              from task_answer a join user_task t on t.task_key = a.task_key and t.application_id = a.application_id
             where a.application_id = :application and t.state = 'COMPLETED'
             order by a.task_key
            """)
        .param("application", applicationId)
        .query((rs, n) -> new Answered(rs.getLong(1), rs.getString(2), rs.getLong(3), fromJson(rs.getString(4))))
        .list();
  }

  private String toJson(Map<String, Object> answers) {
    try {
      return json.writeValueAsString(answers);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Answers are not serialisable", e);
    }
  }

  private Map<String, Object> fromJson(String answers) {
    try {
      return json.readerForMapOf(Object.class).readValue(answers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored answers are not JSON", e);
    }
  }
}
