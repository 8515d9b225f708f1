package com.internhire.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.internhire.embedded.EngineUserTaskCommands;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.StreamSupport;

/**
 * Drives the models on Zeebe Process Test's engine the way the service's workers and
 * people would, without the service: jobs are completed with the results a worker would
 * return, user tasks through the embedded engine's user-task adapter, messages and signals
 * are sent as the service sends them.
 */
public final class ProcessDriver {

  /** Every model the service deploys: processes, decisions and the forms their user tasks link. */
  public static final String[] MODELS = {
    "bpmn/internship-application.bpmn",
    "bpmn/offer.bpmn",
    "bpmn/screening.dmn",
    "forms/review-application.form",
    "forms/interview-scorecard.form",
    "forms/hiring-decision.form",
    "forms/approve-offer.form"
  };

  public static final String TASK_CREATED = "inbox-task-created";
  public static final String TASK_COMPLETING = "inbox-task-completing";
  public static final String TASK_CANCELING = "inbox-task-canceling";
  private static final String USER_TASK_KEY = "io.camunda.zeebe:userTaskKey";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ZeebeTestEngine engine;
  private final ZeebeClient client;
  private final EngineUserTaskCommands userTasks;

  public ProcessDriver(ZeebeTestEngine engine, ZeebeClient client) {
    this.engine = engine;
    this.client = client;
    this.userTasks = new EngineUserTaskCommands(engine);
  }

  public DeploymentEvent deployAll() {
    var command = client.newDeployResourceCommand().addResourceFromClasspath(MODELS[0]);
    for (int i = 1; i < MODELS.length; i++) {
      command = command.addResourceFromClasspath(MODELS[i]);
    }
    DeploymentEvent deployment = command.send().join();
    idle();
    return deployment;
  }

  public long formKey(DeploymentEvent deployment, String formId) {
    return deployment.getForm().stream()
        .filter(f -> f.getFormId().equals(formId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("Form " + formId + " was not deployed"))
        .getFormKey();
  }

  public ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
    ProcessInstanceEvent instance =
        client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables).send().join();
    idle();
    return instance;
  }

  // ---------------------------------------------------------------- jobs

  /** Activates the one waiting job of this type (fails if there is none). */
  public ActivatedJob job(String type) {
    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1).timeout(Duration.ofMinutes(1)).send().join().getJobs();
    assertThat(jobs).as("a waiting job of type %s", type).hasSize(1);
    return jobs.get(0);
  }

  /** Activates every waiting job of this type (possibly none); the caller completes them. */
  public List<ActivatedJob> jobs(String type) {
    return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(100).timeout(Duration.ofMinutes(1)).send().join().getJobs();
  }

  public ActivatedJob completeJob(String type, Map<String, Object> variables) {
    ActivatedJob job = job(type);
    client.newCompleteCommand(job).variables(variables).send().join();
    idle();
    return job;
  }

  /** Completes every waiting job of this type with the same result, as a worker would; returns them. */
  public List<ActivatedJob> completeJobs(String type, Map<String, Object> variables) {
    List<ActivatedJob> jobs = jobs(type);
    for (ActivatedJob job : jobs) {
      client.newCompleteCommand(job).variables(variables).send().join();
    }
    idle();
    return jobs;
  }

  /**
   * Jobs of this type the engine created and nobody completed yet, read from the record
   * stream (does not activate them): the element IDs, one per job.
   */
  public List<String> openJobs(String type) {
    Set<Long> closed = new HashSet<>();
    List<Record<JobRecordValue>> created = new ArrayList<>();
    for (Record<JobRecordValue> record : records().jobRecords()) {
      if (!record.getValue().getType().equals(type)) {
        continue;
      }
      JobIntent intent = (JobIntent) record.getIntent();
      switch (intent) {
        case CREATED -> created.add(record);
        case COMPLETED, CANCELED, ERROR_THROWN -> closed.add(record.getKey());
        default -> {}
      }
    }
    return created.stream().filter(r -> !closed.contains(r.getKey())).map(r -> r.getValue().getElementId()).toList();
  }

  // ---------------------------------------------------------------- user tasks

  /** Lets the task's creating listener run (as the inbox worker would) and returns the created task. */
  public UserTaskRecordValue openUserTask(String elementId) {
    return openUserTasks(elementId, 1).get(0);
  }

  /**
   * Lets the creating listeners of {@code count} tasks of this element run (a multi-instance
   * task has one per instance) and returns the created tasks in the order of their element
   * instances (for a multi-instance task: the order of its input collection).
   */
  public List<UserTaskRecordValue> openUserTasks(String elementId, int count) {
    List<ActivatedJob> listeners = jobs(TASK_CREATED);
    assertThat(listeners).as("creating listeners waiting").hasSize(count);
    List<Long> keys = new ArrayList<>();
    for (ActivatedJob listener : listeners) {
      assertThat(listener.getElementId()).isEqualTo(elementId);
      keys.add(Long.valueOf(listener.getCustomHeaders().get(USER_TASK_KEY)));
      client.newCompleteCommand(listener).send().join();
    }
    idle();
    List<UserTaskRecordValue> created = new ArrayList<>();
    for (long key : keys) {
      created.add(
          userTaskRecords()
              .filter(r -> r.getIntent() == UserTaskIntent.CREATED && r.getValue().getUserTaskKey() == key)
              .map(Record::getValue)
              .findFirst()
              .orElseThrow(() -> new AssertionError("User task " + key + " of " + elementId + " was not created")));
    }
    created.sort(java.util.Comparator.comparingLong(UserTaskRecordValue::getElementInstanceKey));
    return created;
  }

  /** Completes an open user task as a person would, then lets its completing listener run. */
  public void completeUserTask(UserTaskRecordValue task, Map<String, Object> variables) {
    userTasks.complete(task.getUserTaskKey(), variables);
    idle();
    ActivatedJob listener = job(TASK_COMPLETING);
    assertThat(listener.getCustomHeaders()).containsEntry(USER_TASK_KEY, String.valueOf(task.getUserTaskKey()));
    client.newCompleteCommand(listener).send().join();
    idle();
  }

  /**
   * Lets the canceling listeners of cancelled user tasks run (as the inbox worker would). The
   * engine keeps a cancelled task, and so the termination of its element and of everything
   * above it, waiting until its canceling listener job is completed. Returns the user task
   * keys whose listeners ran.
   */
  public List<Long> completeCancelingListeners() {
    List<Long> keys = new ArrayList<>();
    for (ActivatedJob listener : jobs(TASK_CANCELING)) {
      keys.add(Long.valueOf(listener.getCustomHeaders().get(USER_TASK_KEY)));
      client.newCompleteCommand(listener).send().join();
    }
    idle();
    return keys;
  }

  public UserTaskRecordValue createdUserTask(String elementId) {
    return userTaskRecords()
        .filter(r -> r.getIntent() == UserTaskIntent.CREATED)
        .map(Record::getValue)
        .filter(v -> v.getElementId().equals(elementId))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("No user task " + elementId + " was created"));
  }

  @SuppressWarnings("unchecked")
  public java.util.stream.Stream<Record<UserTaskRecordValue>> userTaskRecords() {
    return StreamSupport.stream(records().records().spliterator(), false)
        .filter(r -> r.getValueType() == ValueType.USER_TASK)
        .map(r -> (Record<UserTaskRecordValue>) r);
  }

  // ---------------------------------------------------------------- messages, signals, time

  /** Publishes a message as the service does (correlation key = applicationId), without buffering it. */
  public void publishMessage(String name, String correlationKey, Map<String, Object> variables) {
    client
        .newPublishMessageCommand()
        .messageName(name)
        .correlationKey(correlationKey)
        .timeToLive(Duration.ZERO)
        .variables(variables)
        .send()
        .join();
    idle();
  }

  public void broadcastSignal(String name) {
    client.newBroadcastSignalCommand().signalName(name).send().join();
    idle();
  }

  /** Moves the engine clock on; due timers fire. */
  public void increaseTime(Duration duration) {
    engine.increaseTime(duration);
    idle();
  }

  // ---------------------------------------------------------------- records

  /** Whether a variable of this name was ever set directly on the process instance's own scope. */
  public boolean everAtProcessScope(long processInstanceKey, String name) {
    return StreamSupport.stream(records().variableRecords().spliterator(), false)
        .anyMatch(r -> r.getValue().getScopeKey() == processInstanceKey && r.getValue().getName().equals(name));
  }

  /**
   * The latest value of a variable on the process instance's own scope, as JSON-decoded Java
   * values (maps, lists, strings, numbers, booleans, null); fails if it was never set there.
   */
  public Object variable(long processInstanceKey, String name) {
    String json =
        StreamSupport.stream(records().variableRecords().spliterator(), false)
            .filter(r -> r.getValue().getScopeKey() == processInstanceKey && r.getValue().getName().equals(name))
            .map(r -> r.getValue().getValue())
            .reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError("No variable " + name + " on instance " + processInstanceKey));
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Variable " + name + " is not JSON: " + json, e);
    }
  }

  /** The key of the instance the call activity started in this (parent) instance, the latest one. */
  public long calledInstanceKey(long parentProcessInstanceKey) {
    return StreamSupport.stream(records().processInstanceRecords().spliterator(), false)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(r -> r.getValue().getParentProcessInstanceKey() == parentProcessInstanceKey)
        .map(r -> r.getValue().getProcessInstanceKey())
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("No called instance of " + parentProcessInstanceKey));
  }

  public RecordStream records() {
    return RecordStream.of(engine.getRecordStreamSource());
  }

  public void idle() {
    try {
      engine.waitForIdleState(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("The engine did not become idle", e);
    }
  }
}
