package com.internhire.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.internhire.application.ApplicationLifecycle;
import com.internhire.application.ApplicationLifecycle.StatusChange;
import com.internhire.application.ApplicationStatus;
import com.internhire.engine.ProcessModelCatalog;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * User task listeners feed the inbox read model, the same way on the embedded engine and
 * on a cluster: a task is recorded when it is created, and closed when it completes or is
 * cancelled. A task header {@code applicationStatus} moves the application to that status,
 * through the lifecycle (with its audit row), in the transaction that records the task.
 */
@Component
public class TaskListenerWorkers {

  static final String CREATED = "inbox-task-created";
  static final String COMPLETING = "inbox-task-completing";
  static final String CANCELING = "inbox-task-canceling";

  private static final String PREFIX = "io.camunda.zeebe:";

  private final InboxRepository inbox;
  private final ApplicationLifecycle lifecycle;
  private final ProcessModelCatalog models;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final TaskElementInstances elementInstances;

  TaskListenerWorkers(
      InboxRepository inbox,
      ApplicationLifecycle lifecycle,
      ProcessModelCatalog models,
      TransactionTemplate tx,
      ObjectMapper json,
      TaskElementInstances elementInstances) {
    this.inbox = inbox;
    this.lifecycle = lifecycle;
    this.models = models;
    this.tx = tx;
    this.json = json;
    this.elementInstances = elementInstances;
  }

  @JobWorker(type = CREATED)
  public void created(ActivatedJob job, @Variable String applicationId) {
    Map<String, String> headers = job.getCustomHeaders();
    long taskKey = Long.parseLong(required(headers, PREFIX + "userTaskKey"));
    var modelled = models.userTask(job.getBpmnProcessId(), job.getElementId());
    var task =
        new InboxRepository.NewTask(
            taskKey,
            UUID.fromString(applicationId),
            job.getProcessInstanceKey(),
            job.getElementId(),
            modelled.map(ProcessModelCatalog.UserTaskInfo::name).orElse(job.getElementId()),
            modelled.map(ProcessModelCatalog.UserTaskInfo::formId).orElse(null),
            Integer.parseInt(headers.getOrDefault(PREFIX + "priority", "50")),
            instant(headers.get(PREFIX + "dueDate")),
            list(headers.get(PREFIX + "candidateGroups")));
    String status = headers.get("applicationStatus");
    tx.executeWithoutResult(
        s -> {
          inbox.open(task);
          elementInstances.record(taskKey, job.getElementInstanceKey());
          if (status != null) {
            lifecycle.enter(
                task.applicationId(),
                StatusChange.to(ApplicationStatus.valueOf(status), "process:" + job.getBpmnProcessId(), job.getElementId()));
          }
        });
  }

  @JobWorker(type = COMPLETING, fetchVariables = {})
  public void completing(ActivatedJob job) {
    long taskKey = Long.parseLong(required(job.getCustomHeaders(), PREFIX + "userTaskKey"));
    inbox.end(taskKey, "COMPLETED", job.getCustomHeaders().get(PREFIX + "assignee"));
  }

  @JobWorker(type = CANCELING, fetchVariables = {})
  public void canceling(ActivatedJob job) {
    long taskKey = Long.parseLong(required(job.getCustomHeaders(), PREFIX + "userTaskKey"));
    inbox.end(taskKey, "CANCELED", null);
  }

  private static String required(Map<String, String> headers, String name) {
    String value = headers.get(name);
    if (value == null) {
      throw new IllegalStateException("Task listener job without header " + name);
    }
    return value;
  }

  private static Instant instant(String isoDateTime) {
    return isoDateTime == null || isoDateTime.isBlank() ? null : OffsetDateTime.parse(isoDateTime).toInstant();
  }

  /** The engine writes candidate groups as a FEEL list literal of strings, which is JSON. */
  private List<String> list(String literal) {
    if (literal == null || literal.isBlank()) {
      return List.of();
    }
    try {
      return json.readValue(literal, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable candidate groups: " + literal, e);
    }
  }
}
