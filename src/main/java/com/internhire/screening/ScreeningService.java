package com.internhire.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.internhire.application.ApplicationLifecycle;
import com.internhire.application.ApplicationLifecycle.StatusChange;
import com.internhire.application.ApplicationRepository;
import com.internhire.application.ApplicationStatus;
import com.internhire.application.ScreeningFacts;
import com.internhire.application.StoredApplication;
import com.internhire.audit.AuditAction;
import com.internhire.audit.AuditTrail;
import com.internhire.engine.ProcessVariables.Screened;
import com.internhire.engine.ProcessVariables.Screening;
import com.internhire.position.Position;
import com.internhire.position.PositionRepository;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import io.camunda.client.api.response.MatchedDecisionRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Screens an application with the DMN decision a process owner maintains, and records
 * the decision's exact version, its inputs and the rules that matched (R7).
 */
@Service
class ScreeningService {

  private final CamundaClient client;
  private final ApplicationRepository applications;
  private final ScreeningResults results;
  private final ApplicationLifecycle lifecycle;
  private final AuditTrail audit;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final Duration reviewDueAfter;
  private final PositionRepository positions;
  private final Clock clock;

  ScreeningService(
      CamundaClient client,
      ApplicationRepository applications,
      ScreeningResults results,
      ApplicationLifecycle lifecycle,
      AuditTrail audit,
      TransactionTemplate tx,
      ObjectMapper json,
      PositionRepository positions,
      Clock clock,
      @Value("${hiring.review.due-after:P5D}") Duration reviewDueAfter) {
    this.clock = clock;
    this.client = client;
    this.applications = applications;
    this.results = results;
    this.lifecycle = lifecycle;
    this.audit = audit;
    this.tx = tx;
    this.json = json;
    this.reviewDueAfter = reviewDueAfter;
    this.positions = positions;
  }

  /**
   * Screens the application once; a repeated job gets the recorded outcome (R12). The outcome,
   * the audit row and the status SCREENED are written in one transaction.
   */
  Screened screen(UUID applicationId, String decisionId, String element) {
    var earlier = results.of(applicationId);
    if (earlier.isPresent()) {
      return new Screened(earlier.get().result(), earlier.get().reviewDueAt(), cohortOptions(applicationId));
    }
    ScreeningFacts facts = applications.screeningFacts(applicationId);
    Map<String, Object> inputs = facts.asDecisionInputs();
    EvaluateDecisionResponse response =
        client.newEvaluateDecisionCommand().decisionId(decisionId).variables(inputs).send().join();
    if (response.getFailureMessage() != null && !response.getFailureMessage().isBlank()) {
      throw new IllegalStateException(
          "Decision '" + response.getFailedDecisionId() + "' failed: " + response.getFailureMessage());
    }
    Screening result = read(response.getDecisionOutput());
    Instant dueAt = clock.instant().plus(reviewDueAfter).truncatedTo(ChronoUnit.SECONDS);
    String actor = "rule:" + response.getDecisionId();
    String version = String.valueOf(response.getDecisionVersion());
    tx.executeWithoutResult(
        status -> {
          if (results.record(applicationId, response.getDecisionId(), version, result, dueAt)) {
            audit.record(
                applicationId,
                actor,
                AuditAction.SCREENED,
                response.getDecisionId(),
                version,
                details(response, inputs, result, dueAt));
            lifecycle.enter(applicationId, StatusChange.to(ApplicationStatus.SCREENED, actor, element));
          }
        });
    return new Screened(result, dueAt, cohortOptions(applicationId));
  }

  /**
   * The cohort start dates inside the candidate's availability, as options for the hiring
   * decision form ({@code valuesKey: cohortOptions}); dates only, no personal data.
   */
  private List<Map<String, String>> cohortOptions(UUID applicationId) {
    StoredApplication application = applications.find(applicationId).orElseThrow();
    Position position = positions.findById(application.positionId()).orElseThrow();
    return position.cohortOptions(application.availability());
  }

  private static Map<String, Object> details(
      EvaluateDecisionResponse response, Map<String, Object> inputs, Screening result, Instant dueAt) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("decisionKey", String.valueOf(response.getDecisionKey()));
    details.put("decisionRequirementsId", response.getDecisionRequirementsId());
    details.put("inputs", inputs);
    details.put("result", result);
    details.put("reviewDueAt", dueAt.toString());
    // The DMN engine evaluates a required decision once per decision requiring it: keep one.
    Map<String, Map<String, Object>> evaluated = new LinkedHashMap<>();
    response.getEvaluatedDecisions().forEach(d -> evaluated.putIfAbsent(d.getDecisionId(), describe(d)));
    details.put("evaluatedDecisions", List.copyOf(evaluated.values()));
    return details;
  }

  private static Map<String, Object> describe(EvaluatedDecision decision) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("decisionId", decision.getDecisionId());
    d.put("version", decision.getDecisionVersion());
    d.put("matchedRules", decision.getMatchedRules().stream().map(MatchedDecisionRule::getRuleId).toList());
    d.put("output", decision.getDecisionOutput());
    return d;
  }

  private Screening read(String output) {
    try {
      return json.readValue(output, Screening.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The screening decision returned an unexpected result: " + output, e);
    }
  }
}
