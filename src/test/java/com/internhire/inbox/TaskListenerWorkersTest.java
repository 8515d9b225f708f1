package com.internhire.inbox;

import com.internhire.support.LifecycleSlice;
import io.camunda.client.CamundaClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static com.internhire.support.TestData.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.engine.ProcessModelCatalog;
import com.internhire.support.TestData;
import com.internhire.support.WorkerSliceTest;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@WorkerSliceTest
@Import({TaskListenerWorkers.class, InboxRepository.class, ProcessModelCatalog.class, TaskElementInstances.class, LifecycleSlice.class})
class TaskListenerWorkersTest {

  @MockitoBean CamundaClient client;

  private static final AtomicLong KEYS = new AtomicLong(2251799813685000L);

  @Autowired TaskListenerWorkers workers;
  @Autowired InboxRepository inbox;
  @Autowired JdbcClient jdbc;

  @Test
  void aCreatedTaskEntersTheInboxWithItsModelledNameFormGroupsPriorityAndDueDate() {
    UUID application = TestData.application(jdbc);
    long taskKey = KEYS.incrementAndGet();

    workers.created(created(taskKey), application.toString());

    InboxTask task = inbox.find(taskKey).orElseThrow();
    assertThat(task.name()).isEqualTo("Review application");
    assertThat(task.formId()).isEqualTo("review-application");
    assertThat(task.candidateGroups()).containsExactly("recruiters");
    assertThat(task.priority()).isEqualTo(90);
    assertThat(task.dueAt()).hasToString("2026-12-05T10:00:00Z");
    assertThat(task.overdue()).isFalse();
    assertThat(task.state()).isEqualTo("OPEN");
    assertThat(jdbc.sql("select status from application where id = :id").param("id", application).query(String.class).single())
        .isEqualTo("IN_REVIEW");
  }

  @Test
  void aListenerJobDeliveredTwiceRecordsTheTaskOnce() {
    UUID application = TestData.application(jdbc);
    long taskKey = KEYS.incrementAndGet();

    workers.created(created(taskKey), application.toString());
    workers.created(created(taskKey), application.toString());

    assertThat(count(jdbc, "select count(*) from user_task where application_id = :id", application)).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from user_task_group where task_key = :key").param("key", taskKey).query(Integer.class).single())
        .isEqualTo(1);
  }

  @Test
  void completingAndCancelingCloseTheTaskOnce() {
    UUID application = TestData.application(jdbc);
    long completed = KEYS.incrementAndGet();
    long canceled = KEYS.incrementAndGet();
    workers.created(created(completed), application.toString());
    workers.created(created(canceled), application.toString());

    workers.completing(listener(completed, Map.of("io.camunda.zeebe:assignee", "tasklist-user")));
    workers.canceling(listener(completed, Map.of()));
    workers.canceling(listener(canceled, Map.of()));

    assertThat(inbox.find(completed).orElseThrow().state()).isEqualTo("COMPLETED");
    assertThat(inbox.find(canceled).orElseThrow().state()).isEqualTo("CANCELED");
    assertThat(jdbc.sql("select completed_by from user_task where task_key = :key").param("key", completed).query(String.class).single())
        .isEqualTo("tasklist-user");
    assertThat(inbox.openFor(java.util.List.of("recruiters"), 1000)).extracting(InboxTask::applicationId).doesNotContain(application);
  }

  @Test
  void aKeyReusedByARestartedEngineReplacesTheStaleRow() {
    UUID before = TestData.application(jdbc);
    UUID after = TestData.application(jdbc);
    long taskKey = KEYS.incrementAndGet();
    workers.created(created(taskKey), before.toString());
    workers.completing(listener(taskKey, Map.of()));

    ActivatedJob fresh = created(taskKey);
    org.mockito.Mockito.when(fresh.getProcessInstanceKey()).thenReturn(4711L);
    workers.created(fresh, after.toString());

    InboxTask task = inbox.find(taskKey).orElseThrow();
    assertThat(task.applicationId()).isEqualTo(after);
    assertThat(task.state()).isEqualTo("OPEN");
  }

  @Test
  void theInboxRanksByPriorityThenAge() {
    UUID low = TestData.application(jdbc);
    UUID high = TestData.application(jdbc);
    UUID lowLater = TestData.application(jdbc);
    workers.created(created(KEYS.incrementAndGet(), "40"), low.toString());
    workers.created(created(KEYS.incrementAndGet(), "90"), high.toString());
    workers.created(created(KEYS.incrementAndGet(), "40"), lowLater.toString());

    var order = inbox.openFor(java.util.List.of("recruiters"), 1000).stream()
        .map(InboxTask::applicationId)
        .filter(id -> id.equals(low) || id.equals(high) || id.equals(lowLater))
        .toList();
    assertThat(order).containsExactly(high, low, lowLater);
  }

  private static ActivatedJob created(long taskKey) {
    return created(taskKey, "90");
  }

  private static ActivatedJob created(long taskKey, String priority) {
    return TestData.job(
        TaskListenerWorkers.CREATED,
        "Task_ReviewApplication",
        42L,
        Map.of(
            "io.camunda.zeebe:userTaskKey", String.valueOf(taskKey),
            "io.camunda.zeebe:candidateGroups", "[\"recruiters\"]",
            "io.camunda.zeebe:priority", priority,
            "io.camunda.zeebe:dueDate", "2026-12-05T10:00Z",
            "applicationStatus", "IN_REVIEW"));
  }

  private static ActivatedJob listener(long taskKey, Map<String, String> extra) {
    var headers = new java.util.HashMap<>(extra);
    headers.put("io.camunda.zeebe:userTaskKey", String.valueOf(taskKey));
    return TestData.job(TaskListenerWorkers.COMPLETING, "Task_ReviewApplication", 42L, headers);
  }
}
