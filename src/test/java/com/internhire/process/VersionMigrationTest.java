package com.internhire.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.ProcessDriver;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.command.MigrationPlan;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Versions in flight: a process owner adds a step to the model while applications wait in
 * review; deploying it leaves them on their version; migrating them moves them, and they
 * finish on the new path. What cannot be migrated is refused with the engine's reason.
 */
@ZeebeProcessTest
class VersionMigrationTest {

  private ZeebeTestEngine engine;
  private ZeebeClient client;

  @Test
  void waitingApplicationsMigrateToAVersionWithANewStepAndFinishOnIt() throws Exception {
    ProcessDriver driver = new ProcessDriver(engine, client);
    long v1 = driver.deployAll().getProcesses().stream()
        .filter(p -> p.getBpmnProcessId().equals("internship-application")).findFirst().orElseThrow().getProcessDefinitionKey();
    List<ProcessInstanceEvent> waiting = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      waiting.add(
          client.newCreateInstanceCommand().processDefinitionKey(v1)
              .variables(Map.of(
                  "applicationId", "app-" + i, "positionId", "ds-ltv-intern-2026", "interviewCount", 2,
                  "screening", Map.of("priority", 50, "score", 60, "recommendation", "ADVANCE"),
                  "reviewDueAt", Instant.now().plus(5, ChronoUnit.DAYS).toString()))
              .startBeforeElement("Task_ReviewApplication")
              .send().join());
    }
    driver.idle();
    driver.completeJobs("inbox-task-created", Map.of());

    long v2 = deployWithReferenceCheck();
    assertThat(v2).isNotEqualTo(v1);
    ProcessInstanceEvent onV2 =
        client.newCreateInstanceCommand().bpmnProcessId("internship-application").latestVersion()
            .variables(Map.of("applicationId", "new", "positionId", "p", "availabilityStated", true, "waitsForTurn", false, "interviewCount", 2))
            .send().join();
    assertThat(onV2.getProcessDefinitionKey()).as("new applications start on the new version").isEqualTo(v2);

    for (ProcessInstanceEvent instance : waiting) {
      client.newMigrateProcessInstanceCommand(instance.getProcessInstanceKey())
          .migrationPlan(MigrationPlan.newBuilder().withTargetProcessDefinitionKey(v2)
              .addMappingInstruction("Task_ReviewApplication", "Task_ReviewApplication")
              .addMappingInstruction("Event_ReviewOverdue", "Event_ReviewOverdue")
              // the ways out (event subprocesses) keep their subscriptions
              .addMappingInstruction("StartEvent_WithdrawalRequested", "StartEvent_WithdrawalRequested")
              .addMappingInstruction("StartEvent_PositionFilled", "StartEvent_PositionFilled")
              .build())
          .send().join();
    }
    driver.idle();

    for (ProcessInstanceEvent instance : waiting) {
      driver.completeUserTask(
          driver.userTaskRecords()
              .filter(r -> r.getValue().getProcessInstanceKey() == instance.getProcessInstanceKey())
              .map(r -> r.getValue()).filter(v -> v.getElementId().equals("Task_ReviewApplication"))
              .findFirst().orElseThrow(),
          Map.of("decision", "ADVANCE"));
    }
    List<ActivatedJob> checks = driver.completeJobs("check-references", Map.of());
    assertThat(checks).hasSize(2).allSatisfy(job -> assertThat(job.getProcessDefinitionKey()).isEqualTo(v2));
    driver.completeJobs("update-application-status", Map.of());
    for (ProcessInstanceEvent instance : waiting) {
      assertThat(instance)
          .hasPassedElementsInOrder("Task_ReviewApplication", "Task_CheckReferences", "Event_InviteToInterviews")
          .isWaitingAtElements("Task_Interview");
    }
  }

  @Test
  void whatCannotBeMigratedIsRefusedWithTheEnginesReason() throws Exception {
    ProcessDriver driver = new ProcessDriver(engine, client);
    long v1 = driver.deployAll().getProcesses().stream()
        .filter(p -> p.getBpmnProcessId().equals("internship-application")).findFirst().orElseThrow().getProcessDefinitionKey();
    ProcessInstanceEvent instance =
        client.newCreateInstanceCommand().processDefinitionKey(v1)
            .variables(Map.of("applicationId", "a", "positionId", "p", "reviewDueAt", Instant.now().plus(5, ChronoUnit.DAYS).toString(),
                "screening", Map.of("priority", 50)))
            .startBeforeElement("Task_ReviewApplication").send().join();
    driver.idle();
    long v2 = deployWithReferenceCheck();

    var refusal =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> client.newMigrateProcessInstanceCommand(instance.getProcessInstanceKey())
                .migrationPlan(MigrationPlan.newBuilder().withTargetProcessDefinitionKey(v2)
                    .addMappingInstruction("Task_ReviewApplication", "Task_CheckReferences")
                    .addMappingInstruction("StartEvent_WithdrawalRequested", "StartEvent_WithdrawalRequested")
                    .addMappingInstruction("StartEvent_PositionFilled", "StartEvent_PositionFilled")
                    .build())
                .send().join());

    assertThat(refusal).isNotNull().hasMessageContaining("rejected").hasMessageContaining("Task_ReviewApplication");
    assertThat(instance).isWaitingAtElements("Task_ReviewApplication");
  }

  /** The process owner's change: a reference check between the review and the interviews. */
  private long deployWithReferenceCheck() throws Exception {
    BpmnModelInstance model;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("bpmn/internship-application.bpmn")) {
      model = Bpmn.readModelFromStream(in);
    }
    SequenceFlow advance = model.getModelElementById("Flow_Advance");
    FlowNode interviews = advance.getTarget();
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    ServiceTask check = model.newInstance(ServiceTask.class);
    check.setId("Task_CheckReferences");
    check.setName("Check references");
    process.addChildElement(check);
    ZeebeTaskDefinition definition = model.newInstance(ZeebeTaskDefinition.class);
    definition.setType("check-references");
    check.builder().addExtensionElement(definition);
    advance.setTarget(check);
    interviews.getIncoming().remove(advance);
    check.getIncoming().add(advance);
    SequenceFlow onwards = model.newInstance(SequenceFlow.class);
    onwards.setId("Flow_ReferencesChecked");
    process.addChildElement(onwards);
    onwards.setSource(check);
    onwards.setTarget(interviews);
    check.getOutgoing().add(onwards);
    interviews.getIncoming().add(onwards);
    DeploymentEvent deployment =
        client.newDeployResourceCommand().addProcessModel(model, "internship-application.bpmn").send().join();
    engine.waitForIdleState(java.time.Duration.ofSeconds(5));
    return deployment.getProcesses().getFirst().getProcessDefinitionKey();
  }
}
