package com.internhire.screening;

import static com.internhire.support.TestData.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.internhire.application.ApplicationInstances;
import com.internhire.engine.ProcessInstances;
import com.internhire.support.LifecycleSlice;
import com.internhire.engine.ProcessVariables;
import com.internhire.audit.AuditTrail;
import com.internhire.position.PositionRepository;
import com.internhire.support.TestData;
import com.internhire.support.WorkerSliceTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.EvaluateDecisionCommandStep1;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import io.camunda.client.api.response.MatchedDecisionRule;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@WorkerSliceTest
@Import({ScreeningWorker.class, ScreeningService.class, ScreeningResults.class, ApplicationInstances.class, ProcessInstances.class, LifecycleSlice.class})
class ScreeningWorkerTest {

  private static final String RESULT =
      "{\"meetsMinimum\":true,\"minimumReason\":\"Meets all minimum qualifications\",\"score\":85,"
          + "\"recommendation\":\"ADVANCE\",\"priority\":90}";

  @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS) CamundaClient client;
  @Autowired ScreeningWorker worker;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;

  private EvaluateDecisionCommandStep1.EvaluateDecisionCommandStep2 evaluation;

  @BeforeEach
  void decisionAnswers() {
    EvaluateDecisionResponse response = mock(EvaluateDecisionResponse.class);
    when(response.getDecisionId()).thenReturn("screening");
    when(response.getDecisionVersion()).thenReturn(3);
    when(response.getDecisionKey()).thenReturn(77L);
    when(response.getDecisionRequirementsId()).thenReturn("screening-rules");
    when(response.getDecisionOutput()).thenReturn(RESULT);
    EvaluatedDecision minimum = mock(EvaluatedDecision.class);
    when(minimum.getDecisionId()).thenReturn("minimumQualifications");
    when(minimum.getDecisionVersion()).thenReturn(3);
    MatchedDecisionRule rule = mock(MatchedDecisionRule.class);
    when(rule.getRuleId()).thenReturn("Rule_MeetsAll");
    when(minimum.getMatchedRules()).thenReturn(List.of(rule));
    when(response.getEvaluatedDecisions()).thenReturn(List.of(minimum, minimum));

    evaluation = mock(EvaluateDecisionCommandStep1.EvaluateDecisionCommandStep2.class, Answers.RETURNS_DEEP_STUBS);
    when(client.newEvaluateDecisionCommand().decisionId("screening")).thenReturn(evaluation);
    when(evaluation.variables(any(Map.class)).send().join()).thenReturn(response);
  }

  @Test
  void screeningReturnsOnlyFactsAndRecordsTheRuleVersionInputsAndMatchedRules() {
    UUID id = TestData.application(jdbc);

    Map<String, Object> variables = worker.screen(screeningJob(100L), id.toString());

    assertThat(variables).containsOnlyKeys("screening", "reviewDueAt", "cohortOptions");
    @SuppressWarnings("unchecked")
    List<Object> options = (List<Object>) variables.get("cohortOptions");
    assertThat(options)
        .hasSize(5)
        .startsWith(Map.of("label", "11 May 2026 to 3 Aug 2026", "value", "2026-05-11"))
        .endsWith(Map.of("label", "22 Jun 2026 to 14 Sep 2026 (beyond stated availability)", "value", "2026-06-22"));
    assertThat((ProcessVariables.Screening) variables.get("screening"))
        .isEqualTo(new ProcessVariables.Screening(true, "Meets all minimum qualifications", 85, "ADVANCE", 90));
    var row = audit.history(id).getFirst();
    assertThat(row.action()).isEqualTo("SCREENED");
    assertThat(row.actor()).isEqualTo("rule:screening");
    assertThat(row.ruleId()).isEqualTo("screening");
    assertThat(row.ruleVersion()).isEqualTo("3");
    assertThat(row.details()).containsKeys("inputs", "result", "evaluatedDecisions", "decisionKey");
    @SuppressWarnings("unchecked")
    Map<String, Object> inputs = (Map<String, Object>) row.details().get("inputs");
    assertThat(inputs).containsEntry("skills", List.of("SQL", "PYTHON")).as("as the rules name them");
    assertThat(inputs).containsEntry("fieldOfStudy", "Statistics").containsEntry("cohortFit", true)
        .doesNotContainKeys("name", "email", "phone");
    assertThat((List<?>) row.details().get("evaluatedDecisions")).hasSize(1);
    assertThat(jdbc.sql("select status from application where id = :id").param("id", id).query(String.class).single())
        .isEqualTo("SCREENED");
  }

  @Test
  void aJobDeliveredTwiceEvaluatesAndRecordsOnce() {
    UUID id = TestData.application(jdbc);

    Map<String, Object> first = worker.screen(screeningJob(200L), id.toString());
    Map<String, Object> second = worker.screen(screeningJob(200L), id.toString());

    assertThat(second).isEqualTo(first);
    verify(evaluation, times(1)).variables(any(Map.class));
    assertThat(count(jdbc, "select count(*) from audit_event where application_id = :id and action = 'SCREENED'", id))
        .isEqualTo(1);
    assertThat(count(jdbc, "select count(*) from audit_event where application_id = :id and action = 'STATUS_CHANGED'", id))
        .isEqualTo(1);
  }

  @Test
  void aDuplicateProcessInstanceCancelsItselfAndScreensNothing() {
    UUID id = TestData.application(jdbc);
    worker.screen(screeningJob(300L), id.toString());

    worker.screen(screeningJob(301L), id.toString());

    verify(client).newCancelInstanceCommand(301L);
    verify(client, never()).newCancelInstanceCommand(300L);
    assertThat(count(jdbc, "select count(*) from audit_event where application_id = :id and action = 'SCREENED'", id))
        .isEqualTo(1);
    assertThat(count(jdbc, "select count(*) from audit_event where application_id = :id and action = 'STATUS_CHANGED'", id))
        .isEqualTo(1);
  }

  @Test
  void aFailedDecisionFailsTheJobWithTheEnginesMessage() throws Exception {
    UUID id = TestData.application(jdbc);
    EvaluateDecisionResponse failed = mock(EvaluateDecisionResponse.class);
    when(failed.getFailedDecisionId()).thenReturn("minimumQualifications");
    when(failed.getFailureMessage()).thenReturn("no variable found for name 'enrolled'");
    when(evaluation.variables(any(Map.class)).send().join()).thenReturn(failed);

    assertThatThrownBy(() -> worker.screen(screeningJob(400L), id.toString()))
        .hasMessageContaining("minimumQualifications")
        .hasMessageContaining("enrolled");
    assertThat(count(jdbc, "select count(*) from audit_event where application_id = :id", id)).isZero();
    verify(client, never()).newCancelInstanceCommand(anyLong());
  }

  private static io.camunda.client.api.response.ActivatedJob screeningJob(long processInstanceKey) {
    return TestData.job(
        ScreeningWorker.TYPE, "Task_ScreenApplication", processInstanceKey, Map.of("decisionId", "screening"));
  }
}
