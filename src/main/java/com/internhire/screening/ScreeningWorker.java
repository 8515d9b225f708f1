package com.internhire.screening;

import com.internhire.application.ApplicationInstances;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The business rule task "Screen application". Its job carries the decision id as a task
 * header, so the model says which DMN decision screens.
 */
@Component
public class ScreeningWorker {

  static final String TYPE = "screen-application";

  private final ScreeningService screening;
  private final ApplicationInstances instances;

  ScreeningWorker(ScreeningService screening, ApplicationInstances instances) {
    this.screening = screening;
    this.instances = instances;
  }

  @JobWorker(type = TYPE)
  public Map<String, Object> screen(ActivatedJob job, @Variable String applicationId) {
    UUID id = UUID.fromString(applicationId);
    // The first job of an instance: it adopts the instance, or cancels a duplicate start.
    if (!instances.adoptOrCancel(id, job.getProcessInstanceKey())) {
      return Map.of();
    }
    String decisionId = job.getCustomHeaders().getOrDefault("decisionId", "screening");
    return screening.screen(id, decisionId, job.getElementId()).asMap();
  }
}
