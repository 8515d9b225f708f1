package com.internhire.inbox;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which engine element instance an open human task is, for process instance modification. */
@Component
public class TaskElementInstances {

  private final JdbcClient jdbc;

  TaskElementInstances(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(long taskKey, long elementInstanceKey) {
    jdbc.sql("update user_task set element_instance_key = :e where task_key = :key")
        .param("e", elementInstanceKey)
        .param("key", taskKey)
        .update();
  }

  /** The open task of an application at this element: task key, process instance, element instance. */
  public Optional<long[]> open(UUID applicationId, String elementId) {
    return jdbc.sql(
            """
            select task_key, process_instance_key, element_instance_key from user_task
             where application_id = :a and element_id = :e and state = 'OPEN' and element_instance_key is not null
             order by created_at desc limit 1
            """)
        .param("a", applicationId)
        .param("e", elementId)
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
        .optional();
  }

  /** Closes every open task of the application in the read model (its engine instance is gone). */
  public int forget(UUID applicationId) {
    return jdbc.sql("update user_task set state = 'CANCELED' where application_id = :a and state = 'OPEN'")
        .param("a", applicationId)
        .update();
  }
}
