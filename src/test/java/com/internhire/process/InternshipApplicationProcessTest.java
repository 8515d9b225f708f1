package com.internhire.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.ProcessDriver;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every path through {@code internship-application}, driven on the engine itself. */
@ZeebeProcessTest
class InternshipApplicationProcessTest {

  private static final String PROCESS = "internship-application";
  private static final String DUE = "2026-12-05T10:00:00Z";

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private ProcessDriver driver;
  private DeploymentEvent deployment;

  @BeforeEach
  void deploy() {
    driver = new ProcessDriver(engine, client);
    deployment = driver.deployAll();
  }

  @Test
  void screeningIsAJobThatNamesItsDecisionAndDeclaresRetries() {
    ProcessInstanceEvent instance = start();
    ActivatedJob job = driver.job("screen-application");

    assertThat(job.getElementId()).isEqualTo("Task_ScreenApplication");
    assertThat(job.getCustomHeaders()).containsEntry("decisionId", "screening").containsEntry("retryBackoff", "PT10S");
    assertThat(job.getRetries()).isEqualTo(5);
    assertThat(job.getVariablesAsMap()).containsEntry("applicationId", "app-1");
    assertThat(instance).isWaitingAtElements("Task_ScreenApplication");
  }

  @Test
  void theReviewTaskGoesToRecruitersWithPriorityDueDateAndLinkedForm() {
    ProcessInstanceEvent instance = start();
    driver.completeJob("screen-application", screened("ADVANCE", 90));

    UserTaskRecordValue task = driver.openUserTask("Task_ReviewApplication");

    assertThat(task.getCandidateGroupsList()).containsExactly("recruiters");
    assertThat(task.getPriority()).isEqualTo(90);
    assertThat(OffsetDateTime.parse(task.getDueDate()).toInstant()).isEqualTo(OffsetDateTime.parse(DUE).toInstant());
    long reviewForm =
        deployment.getForm().stream()
            .filter(f -> f.getFormId().equals("review-application"))
            .findFirst()
            .orElseThrow()
            .getFormKey();
    assertThat(task.getFormKey()).isEqualTo(reviewForm);
    assertThat(instance).isWaitingAtElements("Task_ReviewApplication");
  }

  @Test
  void theCreatingListenerCarriesWhatTheInboxNeeds() {
    start();
    driver.completeJob("screen-application", screened("CONSIDER", 40));
    ActivatedJob listener = driver.job("inbox-task-created");

    assertThat(listener.getCustomHeaders())
        .containsEntry("applicationStatus", "IN_REVIEW")
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"recruiters\"]")
        .containsEntry("io.camunda.zeebe:priority", "40")
        .containsKey("io.camunda.zeebe:userTaskKey")
        .containsKey("io.camunda.zeebe:dueDate");
    assertThat(listener.getVariablesAsMap()).containsEntry("applicationId", "app-1");
  }

  @Test
  void advancedApplicationEndsReadyForInterviews() {
    ProcessInstanceEvent instance = start();
    driver.completeJob("screen-application", screened("ADVANCE", 90));
    driver.completeUserTask(driver.openUserTask("Task_ReviewApplication"), Map.of("decision", "ADVANCE", "notes", "Good fit"));

    ActivatedJob status = driver.completeJob("update-application-status", Map.of());

    assertThat(status.getElementId()).isEqualTo("EndEvent_ReadyForInterviews");
    assertThat(status.getCustomHeaders()).containsEntry("status", "ADVANCED").doesNotContainKey("candidateMessage");
    assertThat(instance)
        .hasPassedElementsInOrder(
            "StartEvent_ApplicationSubmitted",
            "Task_ScreenApplication",
            "Task_ReviewApplication",
            "Gateway_ReviewDecision",
            "EndEvent_ReadyForInterviews")
        .hasNotPassedElement("EndEvent_ApplicationRejected")
        .hasVariableWithValue("reviewDecision", "ADVANCE")
        .isCompleted();
  }

  /** R6: a person decides every rejection, whatever screening recommended. */
  @ParameterizedTest(name = "screening recommended {0}")
  @ValueSource(strings = {"ADVANCE", "CONSIDER", "REJECT"})
  void rejectionIsAPersonsDecisionAndTheCandidateIsTold(String recommendation) {
    ProcessInstanceEvent instance = start();
    driver.completeJob("screen-application", screened(recommendation, 10));
    UserTaskRecordValue review = driver.openUserTask("Task_ReviewApplication");
    assertThat(instance).isWaitingAtElements("Task_ReviewApplication");

    driver.completeUserTask(review, Map.of("decision", "REJECT"));
    ActivatedJob status = driver.completeJob("update-application-status", Map.of());

    assertThat(status.getElementId()).isEqualTo("EndEvent_ApplicationRejected");
    assertThat(status.getCustomHeaders())
        .containsEntry("status", "REJECTED")
        .containsEntry("candidateMessage", "application-rejected");
    assertThat(instance)
        .hasPassedElementsInOrder("Task_ReviewApplication", "Gateway_ReviewDecision", "EndEvent_ApplicationRejected")
        .hasNotPassedElement("EndEvent_ReadyForInterviews")
        .isCompleted();
  }

  @Test
  void reviewNotesStayOnTheTaskAndNeverReachTheProcess() {
    ProcessInstanceEvent instance = start();
    driver.completeJob("screen-application", screened("ADVANCE", 90));
    driver.completeUserTask(driver.openUserTask("Task_ReviewApplication"), Map.of("decision", "ADVANCE", "notes", "private remark"));
    driver.completeJob("update-application-status", Map.of());

    boolean notesAtProcessScope =
        StreamSupport.stream(driver.records().variableRecords().spliterator(), false)
            .anyMatch(r -> r.getValue().getScopeKey() == instance.getProcessInstanceKey() && r.getValue().getName().equals("notes"));
    assertThat(notesAtProcessScope).isFalse();
  }

  @Test
  void cancellingTheInstanceClosesTheReviewTaskThroughItsListener() {
    ProcessInstanceEvent instance = start();
    driver.completeJob("screen-application", screened("ADVANCE", 90));
    UserTaskRecordValue task = driver.openUserTask("Task_ReviewApplication");

    client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();
    driver.idle();
    ActivatedJob canceling = driver.job("inbox-task-canceling");

    assertThat(canceling.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:userTaskKey", String.valueOf(task.getUserTaskKey()));
  }

  private ProcessInstanceEvent start() {
    return driver.start(PROCESS, Map.of("applicationId", "app-1", "positionId", "ds-ltv-intern-2026"));
  }

  private static Map<String, Object> screened(String recommendation, int priority) {
    return Map.of(
        "screening",
        Map.of(
            "meetsMinimum", !recommendation.equals("REJECT"),
            "minimumReason", "test",
            "score", 70,
            "recommendation", recommendation,
            "priority", priority),
        "reviewDueAt", DUE);
  }
}
