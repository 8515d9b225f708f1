package com.internhire.screening;

import com.internhire.application.ApplicationRepository;
import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The business rule task "Screen application". Its job carries the decision id as a task
 * header, so the model says which DMN decision screens.
 */
@Component
public class ScreeningWorker {

  static final String TYPE = "screen-application";
  private static final Logger log = LoggerFactory.getLogger(ScreeningWorker.class);

  private final ScreeningService screening;
  private final ApplicationRepository applications;
  private final CamundaClient client;

  ScreeningWorker(ScreeningService screening, ApplicationRepository applications, CamundaClient client) {
    this.screening = screening;
    this.applications = applications;
    this.client = client;
  }

  @JobWorker(type = TYPE)
  public Map<String, Object> screen(ActivatedJob job, @Variable String applicationId) {
    UUID id = UUID.fromString(applicationId);
    if (!applications.adoptProcessInstance(id, job.getProcessInstanceKey())) {
      log.warn("Process instance {} duplicates application {}'s own; cancelling it", job.getProcessInstanceKey(), id);
      client.newCancelInstanceCommand(job.getProcessInstanceKey()).send().join();
      return Map.of();
    }
    String decisionId = job.getCustomHeaders().getOrDefault("decisionId", "screening");
    ScreeningService.Screened screened = screening.screen(id, decisionId);
    return Map.of(
        "screening", screened.result(),
        "reviewDueAt", screened.reviewDueAt().toString(),
        "cohortOptions", screened.cohortOptions());
  }
}
