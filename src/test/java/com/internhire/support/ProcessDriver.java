package com.internhire.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.embedded.EngineUserTaskCommands;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.StreamSupport;

/**
 * Drives the models on Zeebe Process Test's engine the way the service's workers and
 * people would, without the service: jobs are completed with the results a worker would
 * return, user tasks through the embedded engine's user-task adapter.
 */
public final class ProcessDriver {

  public static final String[] MODELS = {
    "bpmn/internship-application.bpmn", "bpmn/screening.dmn", "forms/review-application.form"
  };

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

  public ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
    ProcessInstanceEvent instance =
        client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables).send().join();
    idle();
    return instance;
  }

  /** Activates the one waiting job of this type (fails if there is none). */
  public ActivatedJob job(String type) {
    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1).timeout(Duration.ofMinutes(1)).send().join().getJobs();
    assertThat(jobs).as("a waiting job of type %s", type).hasSize(1);
    return jobs.get(0);
  }

  public ActivatedJob completeJob(String type, Map<String, Object> variables) {
    ActivatedJob job = job(type);
    client.newCompleteCommand(job).variables(variables).send().join();
    idle();
    return job;
  }

  /** Lets the task's creating listener run (as the inbox worker would) and returns the created task. */
  public UserTaskRecordValue openUserTask(String elementId) {
    ActivatedJob listener = job("inbox-task-created");
    assertThat(listener.getElementId()).isEqualTo(elementId);
    client.newCompleteCommand(listener).send().join();
    idle();
    return createdUserTask(elementId);
  }

  /** Completes an open user task as a person would, then lets its completing listener run. */
  public void completeUserTask(UserTaskRecordValue task, Map<String, Object> variables) {
    userTasks.complete(task.getUserTaskKey(), variables);
    idle();
    ActivatedJob listener = job("inbox-task-completing");
    assertThat(listener.getCustomHeaders()).containsEntry("io.camunda.zeebe:userTaskKey", String.valueOf(task.getUserTaskKey()));
    client.newCompleteCommand(listener).send().join();
    idle();
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
