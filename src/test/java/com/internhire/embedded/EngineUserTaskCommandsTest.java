package com.internhire.embedded;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards the one place that reaches into the embedded engine's internals: if a Zeebe
 * Process Test upgrade moves them, this fails (and so does the service's start).
 */
@ZeebeProcessTest
class EngineUserTaskCommandsTest {

  private ZeebeTestEngine engine;
  private ZeebeClient client;

  @Test
  void completesACamundaUserTaskWithItsVariables() throws Exception {
    client.newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("user-task-probe")
                .startEvent()
                .userTask("Task_Probe", t -> t.zeebeUserTask().zeebeCandidateGroups("recruiters"))
                .endEvent("EndEvent_Done")
                .done(),
            "user-task-probe.bpmn")
        .send()
        .join();
    ProcessInstanceEvent instance =
        client.newCreateInstanceCommand().bpmnProcessId("user-task-probe").latestVersion().send().join();
    engine.waitForIdleState(Duration.ofSeconds(5));
    long taskKey =
        java.util.stream.StreamSupport.stream(
                io.camunda.zeebe.process.test.filters.RecordStream.of(engine.getRecordStreamSource()).records().spliterator(),
                false)
            .filter(r -> r.getValueType() == io.camunda.zeebe.protocol.record.ValueType.USER_TASK)
            .map(r -> ((io.camunda.zeebe.protocol.record.value.UserTaskRecordValue) r.getValue()).getUserTaskKey())
            .findFirst()
            .orElseThrow();

    new EngineUserTaskCommands(engine).complete(taskKey, Map.of("decision", "ADVANCE"));
    engine.waitForIdleState(Duration.ofSeconds(5));

    assertThat(instance)
        .hasPassedElementsInOrder("Task_Probe", "EndEvent_Done")
        .hasVariableWithValue("decision", "ADVANCE")
        .isCompleted();
  }
}
